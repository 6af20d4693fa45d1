import { expect, test } from "@/tests/e2e/support/fixtures";
import { HOSTILE_SLUG, HOSTILE_TEXT } from "@/tests/e2e/support/hostile";

test.describe("data from the database is data", () => {
  test("shows markup as text and runs no script", async ({ page }) => {
    await page.goto(`/negotiations/${HOSTILE_SLUG}?density=detailed`);
    await expect(page.locator("h1")).toHaveText(`Hostile ${HOSTILE_TEXT}`);
    const cell = page.locator('[data-testid="position-cell"][data-issue="alpha"][data-party="a"]');
    await expect(cell.locator(".cell-summary")).toContainText(HOSTILE_TEXT);
    await expect(cell.locator(".cell-label")).toContainText(`=1+1 ${HOSTILE_TEXT.slice(0, 50)}`);
    await expect(page.locator("main img, main script")).toHaveCount(0);
    await page.goto(`/negotiations/${HOSTILE_SLUG}/issues/alpha/parties/a`);
    await expect(page.locator(".cell-page > blockquote")).toHaveText(HOSTILE_TEXT);
    await expect(page.locator("main img, main script")).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("shows a hostile competing reading and its reasons as text", async ({ page }) => {
    await page.goto(`/negotiations/${HOSTILE_SLUG}/issues/alpha/parties/b`);
    const readings = page.getByTestId("cell-readings");
    await expect(readings.locator(".reading").nth(0)).toContainText(`Why preferred: ${HOSTILE_TEXT}`);
    await expect(readings.locator(".reading").nth(1)).toContainText(`=1+1 ${HOSTILE_TEXT}`);
    await expect(page.locator("main img, main script")).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("shows a hostile point and link as text on the drafts pages", async ({ page }) => {
    await page.goto(`/negotiations/${HOSTILE_SLUG}/drafts?from=b&to=later`);
    await expect(page.locator('[data-testid="lineage-row"][data-point="1"]')).toContainText(`=1+1 ${HOSTILE_TEXT.slice(0, 50)}`);
    await expect(page.locator('[data-testid="lineage-row"][data-point="1"]')).toContainText(
      `=HYPERLINK("http://evil.example","x") ${HOSTILE_TEXT}`,
    );
    await page.goto(`/negotiations/${HOSTILE_SLUG}/drafts/b/points/1`);
    await expect(page.getByTestId("point-text")).toHaveText(HOSTILE_TEXT);
    await expect(page.locator("main img, main script")).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("exports formula-like text neutralised", async ({ request }) => {
    const csv = await (await request.get(`/negotiations/${HOSTILE_SLUG}/matrix.csv?issues=alpha&parties=a`)).text();
    expect(csv.split("\r\n")[1]).toBe(`alpha,-2,"'=HYPERLINK(""http://evil.example"",""x"") ${HOSTILE_TEXT.replaceAll('"', '""')}"`);
    const lineage = await (await request.get(`/negotiations/${HOSTILE_SLUG}/lineage.csv`)).text();
    expect(lineage.split("\r\n")[1]).toContain(`b,1,"'=1+1`);
    expect(lineage.split("\r\n")[1]).toContain(`"'=HYPERLINK(""http://evil.example""`);
  });

  test("lists the second negotiation beside the first", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator(".negotiation-list h2")).toHaveText([
      "COP30 climate talks, Belém, November 2025",
      "Curation test negotiation",
      `Hostile ${HOSTILE_TEXT}`,
      "Russia–Ukraine peace talks, Nov–Dec 2025",
      "Synthetic talks, 250 issues × 10 parties",
    ]);
  });
});

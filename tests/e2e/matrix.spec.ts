import type { Page } from "@playwright/test";
import { expect, takeNotFoundErrors, test } from "./support/fixtures";

const MATRIX = "/negotiations/ukraine-peace-2025";
const rows = (page: Page) => page.locator('[data-testid="position-matrix"] tbody tr');
const rowIssues = (page: Page) => rows(page).evaluateAll((trs) => trs.map((r) => r.getAttribute("data-issue")));
const columnParties = (page: Page) =>
  page.locator('[data-testid="position-matrix"] thead th[data-party]').evaluateAll((ths) => ths.map((t) => t.getAttribute("data-party")));

test.describe("the matrix page", () => {
  test("lists the negotiation on the home page and links to it", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Russia–Ukraine peace talks, Nov–Dec 2025" }).click();
    await expect(page).toHaveURL(new RegExp(`${MATRIX}$`));
    await expect(page.locator("h1")).toHaveText("Russia–Ukraine peace talks, Nov–Dec 2025");
  });

  test("shows every seeded issue and party, unknown cells unlike a 0", async ({ page }) => {
    await page.goto(MATRIX);
    await expect(rows(page)).toHaveCount(13);
    expect(await columnParties(page)).toEqual(["us-draft", "revised-framework", "europe", "russia", "ukraine"]);
    const g8Ukraine = page.locator('tr[data-issue="g8"] td').nth(4);
    await expect(g8Ukraine.locator("[data-score]")).toHaveAttribute("data-score", "none");
    await expect(g8Ukraine.locator(".badge")).toContainText("No position");
    await expect(page.locator('tr[data-issue="security-guarantees"] td').first().locator(".badge")).toHaveText("0 Middle");
  });

  test("filters by the issue checkboxes, updates the URL, and Back restores the view", async ({ page }) => {
    await page.goto(`${MATRIX}?issues=nato,g8`);
    await page.getByText("Choose issues").click();
    await page.getByRole("checkbox", { name: "Crimea (recognition)" }).check();
    await expect(page).toHaveURL(/issues=nato%2Ccrimea%2Cg8$/);
    await expect.poll(() => rowIssues(page)).toEqual(["nato", "crimea", "g8"]);
    await page.getByRole("checkbox", { name: "Russia", exact: true }).uncheck();
    await expect(page).toHaveURL(/parties=/);
    await expect.poll(() => columnParties(page)).toEqual(["us-draft", "revised-framework", "europe", "ukraine"]);
    await page.goBack();
    await expect(page).toHaveURL(/issues=nato%2Ccrimea%2Cg8$/);
    await expect.poll(() => columnParties(page)).toHaveLength(5);
    await page.goBack();
    await expect(page).toHaveURL(/issues=nato,g8$/);
    await expect.poll(() => rowIssues(page)).toEqual(["nato", "g8"]);
  });

  test("reproduces a shared URL, search and divergence sort included", async ({ page, request }) => {
    await page.goto(`${MATRIX}?parties=us-draft,europe&sort=divergence&q=russia`);
    await expect.poll(() => columnParties(page)).toEqual(["us-draft", "europe"]);
    await expect(page.getByLabel("Sort rows")).toHaveValue("divergence");
    await expect(page.getByLabel("Search issues, summaries and quotes")).toHaveValue("russia");
    const shown = await rowIssues(page);
    // us-draft vs europe: donbas and frozen-assets both spread 3; donbas comes first in issue order.
    expect(shown.slice(0, 2)).toEqual(["donbas", "frozen-assets"]);
    const api = await (await request.get(`/api${MATRIX}/matrix?parties=us-draft,europe&sort=divergence&q=russia`)).json();
    expect(shown).toEqual(api.issues.map((i: { slug: string }) => i.slug));
  });

  test("narrows rows with the search box and orders them", async ({ page }) => {
    await page.goto(MATRIX);
    const search = page.getByLabel("Search issues, summaries and quotes");
    await search.fill("Zaporizhzhia");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=Zaporizhzhia/);
    await expect.poll(() => rowIssues(page)).toEqual(["crimea", "zaporizhzhia-kherson", "znpp"]);
    await search.fill("NATO");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=NATO/);
    await expect.poll(() => rowIssues(page)).toEqual(["nato", "security-guarantees", "foreign-troops"]);
    await page.getByLabel("Sort rows").selectOption("issue");
    await expect(page).toHaveURL(/sort=issue/);
    await expect.poll(() => rowIssues(page)).toEqual(["foreign-troops", "nato", "security-guarantees"]);
  });

  test("shows a notice for ignored filters and a 404 page for an unknown negotiation", async ({ page }) => {
    await page.goto(`${MATRIX}?issues=nato,<b>bold</b>&sort=sideways&page=x`);
    const notices = page.getByTestId("notices");
    await expect(notices).toContainText("Ignored unknown issue: “<b>bold</b>”.");
    await expect(notices).toContainText("Ignored unknown sort “sideways”");
    await expect(notices).toContainText("Ignored page “x”");
    await expect(page.locator(".notice b")).toHaveCount(0);
    const response = await page.goto("/negotiations/no-such-talks");
    expect(response?.status()).toBe(404);
    expect(takeNotFoundErrors(page)).toBe(1);
    await expect(page.locator("h1")).toHaveText("Page not found");
  });

  test("the 404 page of an unknown negotiation is readable without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of ["/negotiations/no-such-talks", "/negotiations/no-such-talks/charts", "/negotiations/no-such-talks/compare?a=x"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      expect(response?.headers()["x-frame-options"]).toBe("DENY");
      await expect(page.locator("h1")).toHaveText("Page not found");
      await expect(page.getByRole("link", { name: "See all negotiations" })).toBeVisible();
    }
    await context.close();
  });

  test("downloads a CSV equal to what the route serves for the same filters", async ({ page, request }) => {
    await page.goto(`${MATRIX}?issues=donbas,amnesty&sort=divergence`);
    for (const testId of ["csv-wide", "csv-long"]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
      const href = await page.getByTestId(testId).getAttribute("href");
      const served = await (await request.get(href!)).body();
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(served)).toBe(true);
      expect(download.suggestedFilename()).toMatch(/^ukraine-peace-2025_2025-12-02_(wide|long)\.csv$/);
    }
  });

  test("opens source links in a new tab without an opener, and quotes on one click", async ({ page }) => {
    await page.goto(`${MATRIX}?issues=army-cap&parties=europe`);
    const link = page.locator("td .sources a").first();
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    await expect(link).toHaveAttribute("href", /^https?:\/\//);
    const quote = page.locator("td .cell-quote blockquote");
    await expect(quote).toBeHidden();
    await page.locator("td .cell-quote summary").click();
    await expect(quote).toBeVisible();
  });
});

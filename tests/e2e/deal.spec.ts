// Where a deal could land, in the browser: the zones page says where the red lines leave no room
// and why, and the package builder works from the keyboard alone and without JavaScript.
import { expect, test } from "@/tests/e2e/support/fixtures";

const BASE = "/negotiations/ukraine-peace-2025";

test("the zones page sums up, names the gap and who binds it, and never draws a missing line as the whole scale", async ({ page }) => {
  await page.goto(`${BASE}/zones`);
  await expect(page.getByTestId("zones-summary")).toHaveText(
    "No overlap on 9 of 9 assessable issues; gaps 1–3 steps; 4 issues cannot be assessed.",
  );
  const nato = page.locator('[data-testid="zone"][data-issue="nato"]');
  await expect(nato.getByTestId("zone-verdict")).toHaveText("No overlap. Russia's minimum +2 is 2 steps above Ukraine's maximum 0.");
  const g8 = page.locator('[data-testid="zone"][data-issue="g8"]');
  await expect(g8.getByTestId("zone-verdict")).toContainText("Cannot be assessed: no red line on record for Russia, Ukraine");
  await expect(g8.locator(".zone-none")).toHaveCount(2);
  await expect(page.getByTestId("zones-bases")).toContainText(/Spans shown: \d+ stated .*, \d+ reported .*, 0 estimated/);
  // As of 1 Dec, before Ukraine's NATO line widened.
  await page.goto(`${BASE}/zones?asOf=2025-12-01`);
  await expect(page.locator('[data-testid="zone"][data-issue="nato"]').getByTestId("zone-verdict")).toHaveText(
    "No overlap. Russia's minimum +2 is 3 steps above Ukraine's maximum −1.",
  );
});

test("the package builder scores a package chosen with the keyboard, and starts from a document's own package", async ({ page }) => {
  await page.goto(`${BASE}/package`);
  await expect(page.getByTestId("package-empty")).toBeVisible();
  const nato = page.getByLabel("NATO membership / NATO restrictions", { exact: true });
  await nato.focus();
  await nato.selectOption("0");
  await page.getByRole("button", { name: "Score this package" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/step-nato=0/);
  await expect(page.getByTestId("package-scores")).toBeVisible();
  await expect(page.getByTestId("package-scores").locator('tr[data-party="ukraine"] td').first()).toHaveText("0.75");
  await expect(page.getByTestId("package-scores").locator('tr[data-party="russia"] td').first()).toHaveText("0.50");
  await expect(page.locator("main")).toContainText("Closeness to a coded position is a proxy, not a party's real preference.");
  await page.getByRole("link", { name: "20-point framework", exact: false }).first().click();
  await expect(page).toHaveURL(/steps=/);
  await expect(page.getByTestId("document-closeness")).toContainText(/Your package is 1\.00 close to .*20-point/);
});

test("a cell's page gives the party's red line of the day it shows, and links to where the lines meet", async ({ page }) => {
  await page.goto(`${BASE}/issues/nato/parties/ukraine`);
  await expect(page.getByTestId("cell-red-line")).toContainText(
    "Ukraine has said it can accept steps −2 to 0 on this issue (stated on the record; since 14 Dec 2025).",
  );
  await page.goto(`${BASE}/issues/nato/parties/ukraine?asOf=2025-12-01`);
  await expect(page.getByTestId("cell-red-line")).toContainText(
    "steps −2 to −1 on this issue (stated on the record; start date not on file)",
  );
  await page.getByRole("link", { name: "Where the red lines meet" }).click();
  await expect(page).toHaveURL(/\/zones\?parties=ukraine&asOf=2025-12-01$/);
  await expect(page.locator('[data-testid="zone"][data-issue="nato"]').getByTestId("zone-verdict")).toContainText(
    "Overlap: steps −2 to −1",
  );
});

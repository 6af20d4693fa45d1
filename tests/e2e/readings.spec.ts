// Where sources disagree, in the browser: the mark and range in the matrix (in words for screen
// readers), the key, the contested=only filter, the readings side by side on a cell's page, and the
// figures and package scores at both ends of the ranges (readings=range).
import type { Page } from "@playwright/test";
import { expect, test } from "@/tests/e2e/support/fixtures";

const BASE = "/negotiations/ukraine-peace-2025";
const cell = (page: Page, issue: string, party: string) =>
  page.locator(`[data-testid="position-cell"][data-issue="${issue}"][data-party="${party}"]`);

test("a contested cell carries a shape and its range, in words too; the key explains it; the view line counts them", async ({ page }) => {
  await page.goto(`${BASE}?asOf=2025-11-26`);
  const armyCap = cell(page, "army-cap", "revised-framework");
  await expect(armyCap).toHaveAttribute("data-contested", "true");
  await expect(armyCap.locator(".contested-flag")).toHaveText("↕ −2…−1 Sources disagree: −2 to −1;");
  // Unscored readings that differ in status: the shape, and "status" in words.
  await expect(cell(page, "nato", "revised-framework").locator(".contested-flag")).toContainText("they differ in status, not in score");
  await expect(page.locator('[data-testid="position-cell"][data-contested="true"]')).toHaveCount(3);
  await expect(page.getByTestId("contested-summary")).toHaveText("3 cells contested (sources disagree, marked ↕). Only their rows");
  await page.getByTestId("key-tool").locator("summary").click();
  await expect(page.getByTestId("key-tool")).toContainText("Sources disagree: independent originals put the cell on different steps");
});

test("contested=only keeps the rows where sources disagree, in the URL, and one link brings every row back", async ({ page }) => {
  await page.goto(`${BASE}?asOf=2025-12-15`);
  await page.getByTestId("contested-filter").click();
  await expect(page).toHaveURL(/asOf=2025-12-15&contested=only$/);
  await expect(page.locator('[data-testid="position-matrix"] tbody tr')).toHaveCount(2);
  await expect(page.getByTestId("view-line")).toContainText("only rows where sources disagree");
  await expect(page.getByTestId("contested-summary")).toContainText("Only the rows where sources disagree (2 cells, marked ↕).");
  await page.goBack();
  await expect(page.locator('[data-testid="position-matrix"] tbody tr')).toHaveCount(13);
  await page.goto(`${BASE}?contested=yes`);
  await expect(page.getByRole("status").filter({ hasText: "Ignored contested “yes”" })).toBeVisible();
});

test("a contested cell's page sets its readings side by side, with their sources, ranks and reasons", async ({ page }) => {
  await page.goto(`${BASE}/issues/army-cap/parties/revised-framework`);
  const readings = page.getByTestId("cell-readings");
  await expect(readings.locator("h2")).toHaveText("Where sources disagree");
  await expect(readings).toContainText("Independent sources read this version differently: −2 to −1.");
  const items = readings.locator(".reading");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveAttribute("data-rank", "preferred");
  await expect(items.nth(0)).toContainText("Why preferred: The only reading that names a figure (800,000)");
  await expect(items.nth(1)).toHaveAttribute("data-rank", "normal");
  await expect(items.nth(1)).toContainText("Competing reading");
  await expect(items.nth(1)).toContainText("I don’t think the formula of 600,000");
  await expect(items.nth(1).getByRole("link", { name: /^No limits for Ukraine.s army and no amnesty/ })).toHaveAttribute(
    "href",
    "https://newsukraine.rbc.ua/news/no-limits-for-ukraine-s-army-and-no-amnesty-1764012926.html",
  );
  // Side by side on a wide screen.
  const [first, second] = await items.evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)));
  expect(first).toBe(second);
  // The cell's history says which version's sources disagreed.
  await expect(page.getByTestId("version-readings")).toHaveText("↕ Sources disagreed: −2 to −1; −2 Reported (normal) beside this reading.");
  // The charts at both ends, one link away.
  await readings.getByRole("link", { name: "charts" }).click();
  await expect(page).toHaveURL(/charts\?readings=range$/);
  // A cell no source disputes has no such section.
  await page.goto(`${BASE}/issues/nato/parties/us-draft`);
  await expect(page.getByTestId("cell-readings")).toHaveCount(0);
  // The methods page states the rules.
  await page.goto("/methods");
  await expect(page.getByTestId("readings-rule")).toContainText("A cell is contested when the readings that stand");
});

test("readings=range names every chart figure that changes at either end, side by side, and says how many cells are contested", async ({
  page,
}) => {
  await page.goto(`${BASE}/charts?asOf=2025-12-15`);
  await expect(page.getByTestId("contested-count")).toContainText("2 cells are contested");
  await expect(page.getByTestId("range-figures")).toHaveCount(0);
  await page.getByRole("link", { name: "Show the figures at both ends of the ranges" }).click();
  await expect(page).toHaveURL(/asOf=2025-12-15&readings=range$/);
  const table = page.getByTestId("range-figures");
  await expect(table.locator("thead th")).toHaveText(["Metric", "Of", "Preferred readings", "Low end", "High end"]);
  const ukraine = table
    .locator("tbody tr")
    .filter({ has: page.getByRole("rowheader", { name: "Lean" }) })
    .filter({ has: page.getByRole("cell", { name: "Ukraine", exact: true }) });
  await expect(ukraine).toHaveCount(1);
  const [preferred, low, high] = await ukraine.locator("td").evaluateAll((tds) => tds.slice(1).map((td) => td.textContent));
  expect(low).not.toBe(preferred);
  expect(high).toBe(preferred);
  await page.getByRole("link", { name: "Use the preferred readings only" }).click();
  await expect(page).toHaveURL(/asOf=2025-12-15$/);
});

test("a package is scored at both ends of the ranges too, each figure said to be changed or the same", async ({ page }) => {
  await page.goto(`${BASE}/package?steps=army-cap:-1&asOf=2025-12-15`);
  await expect(page.getByTestId("package-contested")).toContainText("1 of the positions this package is scored against is contested");
  await page.getByTestId("package-readings").click();
  await expect(page).toHaveURL(/readings=range/);
  const geneva = page.locator('[data-testid="package-scores"] tr[data-party="revised-framework"]');
  await expect(geneva.getByTestId("closeness-low")).toHaveText("0.75 (changed)");
  await expect(geneva.getByTestId("closeness-high")).toHaveText("1.00 (same)");
});

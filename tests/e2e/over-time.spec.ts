import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expect, test } from "@/tests/e2e/support/fixtures";

const MATRIX = "/negotiations/ukraine-peace-2025";
const cell = (page: Page, issue: string, party: string) =>
  page.locator(`[data-testid="position-cell"][data-issue="${issue}"][data-party="${party}"]`);

test.describe("positions over time", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("the matrix steps through the events by keyboard and says which day it shows", async ({ page }) => {
    await page.goto(MATRIX);
    await expect(page.getByTestId("view-line")).toContainText("Latest data (to 8 Jan 2026)");
    await expect(cell(page, "nato", "ukraine")).toHaveAttribute("data-score", "-1");
    // Jump to the Berlin talks from the list of events, by keyboard only: open the date panel, choose, show.
    await page.getByTestId("date-tool").locator("summary").focus();
    await page.keyboard.press("Enter");
    const events = page.getByLabel("Event", { exact: true });
    await events.focus();
    await events.selectOption("2025-12-14");
    await events.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/asOf=2025-12-14$/);
    await expect(page.getByTestId("view-line")).toContainText("As it stood on 14 Dec 2025");
    await expect(cell(page, "nato", "ukraine")).toHaveAttribute("data-score", "0");
    // The 20-point framework is not yet published: left out, with a notice naming it.
    await expect(page.locator('[data-testid="position-cell"][data-party="twenty-point"]')).toHaveCount(0);
    await expect(page.getByTestId("notices")).toContainText("US–Ukraine 20-point framework (24 Dec 2025)");
    // The previous event, then back to the latest data; the links keep the other filters.
    await page.goto(`${MATRIX}?asOf=2025-12-14&issues=nato,army-cap`);
    await page.getByTestId("date-tool").locator("summary").click();
    await page.getByTestId("as-of-previous").click();
    await expect(page).toHaveURL(/asOf=2025-12-12&issues=nato%2Carmy-cap$/);
    await expect(cell(page, "nato", "ukraine")).toHaveAttribute("data-score", "-2");
    await page.getByRole("link", { name: "show the latest" }).click();
    await expect(page).toHaveURL(/\?issues=nato%2Carmy-cap$/);
    // A cell opened from a dated matrix is the cell on that day, with its whole history.
    await page.goto(`${MATRIX}?asOf=2025-12-15`);
    await cell(page, "nato", "ukraine").click();
    await expect(page).toHaveURL(`${MATRIX}/issues/nato/parties/ukraine?asOf=2025-12-15`);
    const dialog = page.getByTestId("cell-dialog");
    await expect(dialog.getByTestId("shown-date")).toContainText("As it stood on 15 Dec 2025");
    await expect(dialog.getByTestId("version")).toHaveCount(3);
    await expect(dialog.locator('[data-testid="version"][aria-current="true"] h3')).toContainText(
      "Offers guarantees instead of membership",
    );
    await expect(dialog.locator('[data-testid="version"]').nth(1).locator("ins").first()).toBeVisible();
  });

  test("an ignored date says so and shows the latest data", async ({ page }) => {
    await page.goto(`${MATRIX}?asOf=2025-02-30`);
    await expect(page.getByTestId("notices")).toContainText("Ignored date “2025-02-30”");
    await expect(page.getByTestId("view-line")).toContainText("Latest data");
  });

  test("what changed lists the shifts with their words, sources and events, and exports the same", async ({ page, request }) => {
    await page.goto(`${MATRIX}/changes?from=2025-11-20&to=2025-12-24`);
    await expect(page.getByTestId("changes-summary")).toContainText("Between 20 Nov 2025 and 24 Dec 2025");
    const row = page.locator('[data-testid="change"][data-issue="nato"][data-party="ukraine"]');
    await expect(row.getByTestId("change-words")).toHaveText("1 step toward “Permanent bar on Ukraine in NATO, no enlargement”");
    await expect(row).toContainText("Zelensky: the NATO course stays");
    const shown = await page
      .locator('[data-testid="change"]')
      .evaluateAll((rows) => rows.map((r) => `${r.getAttribute("data-issue")}|${r.getAttribute("data-party")}`));
    const json = (await (await request.get(`/api${MATRIX}/changes?from=2025-11-20&to=2025-12-24`)).json()) as {
      changes: { issue: string; party: string }[];
    };
    expect(shown).toEqual(json.changes.map((c) => `${c.issue}|${c.party}`));
    const csv = await request.get((await page.getByTestId("changes-csv").getAttribute("href"))!);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const rows = parse(await csv.text(), { bom: true, columns: true }) as { issue: string; party: string }[];
    expect(rows.map((r) => `${r.issue}|${r.party}`)).toEqual(shown);
  });
});

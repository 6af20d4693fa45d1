import type { Page } from "@playwright/test";
import { expect, takeNotFoundErrors, test } from "@/tests/e2e/support/fixtures";

const MATRIX = "/negotiations/ukraine-peace-2025";
const rows = (page: Page) => page.locator('[data-testid="position-matrix"] tbody tr');
const rowIssues = (page: Page) => rows(page).evaluateAll((trs) => trs.map((r) => r.getAttribute("data-issue")));
const columnParties = (page: Page) =>
  page.locator('[data-testid="position-matrix"] thead th[data-party]').evaluateAll((ths) => ths.map((t) => t.getAttribute("data-party")));

test.describe("the matrix page", () => {
  test("lists both negotiations on the home page with their dates and counts, and links to each", async ({ page }) => {
    await page.goto("/");
    const card = (title: string) => page.locator(".negotiation-list li").filter({ has: page.getByRole("link", { name: title }) });
    await expect(card("COP30 climate talks, Belém, November 2025")).toContainText(
      /Data as of \d{1,2} \w{3} \d{4} · 8 issues · 9 parties · 72 positions, 48 scored/,
    );
    await expect(card("Russia–Ukraine peace talks, Nov–Dec 2025")).toContainText(
      /Data as of 8 Jan 2026 · 13 issues · 7 parties · 91 positions, \d+ scored/,
    );
    await page.getByRole("link", { name: "Russia–Ukraine peace talks, Nov–Dec 2025" }).click();
    await expect(page).toHaveURL(new RegExp(`${MATRIX}$`));
    await expect(page.locator("h1")).toHaveText("Russia–Ukraine peace talks, Nov–Dec 2025");
  });

  test("shows every seeded issue and party, unknown cells unlike a 0", async ({ page }) => {
    await page.goto(MATRIX);
    await expect(rows(page)).toHaveCount(13);
    expect(await columnParties(page)).toEqual([
      "us-draft",
      "revised-framework",
      "europe",
      "europe-24",
      "russia",
      "ukraine",
      "twenty-point",
    ]);
    await expect(page.getByTestId("position-cell")).toHaveCount(91);
    const g8Ukraine = page.locator('[data-testid="position-cell"][data-issue="g8"][data-party="ukraine"]');
    await expect(g8Ukraine).toHaveAttribute("data-score", "");
    await expect(g8Ukraine.locator(".mark")).toHaveText("?No score");
    await expect(g8Ukraine.locator(".status-icons")).toHaveAttribute("title", "No position, low confidence");
    const zero = page.locator('[data-testid="position-cell"][data-issue="security-guarantees"][data-party="us-draft"]');
    await expect(zero).toHaveAttribute("data-score", "0");
    await expect(zero.locator(".mark")).toHaveText("●0 (Middle)");
    await expect(zero.locator(".cell-label")).toHaveText("Paid US guarantee with void clauses");
  });

  test("applies several checkboxes as one navigation, and Back restores the view in one step", async ({ page }) => {
    await page.goto(MATRIX);
    await page.goto(`${MATRIX}?issues=nato,g8`);
    await page.getByTestId("filters").locator("summary").click();
    await page.getByRole("checkbox", { name: "Crimea (recognition)" }).check();
    await page.getByRole("checkbox", { name: "Russia", exact: true }).uncheck();
    await expect(page).toHaveURL(/issues=nato,g8$/); // nothing happens before Apply
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(
      /issues=nato%2Ccrimea%2Cg8&parties=us-draft%2Crevised-framework%2Ceurope%2Ceurope-24%2Cukraine%2Ctwenty-point$/,
    );
    await expect.poll(() => rowIssues(page)).toEqual(["nato", "crimea", "g8"]);
    await expect
      .poll(() => columnParties(page))
      .toEqual(["us-draft", "revised-framework", "europe", "europe-24", "ukraine", "twenty-point"]);
    await page.goBack();
    await expect(page).toHaveURL(/issues=nato,g8$/);
    await expect.poll(() => rowIssues(page)).toEqual(["nato", "g8"]);
    await expect.poll(() => columnParties(page)).toHaveLength(7);
  });

  test("reproduces a shared URL, search and divergence sort included", async ({ page, request }) => {
    await page.goto(`${MATRIX}?parties=us-draft,europe&sort=divergence&q=russia`);
    await expect.poll(() => columnParties(page)).toEqual(["us-draft", "europe"]);
    await expect(page.getByLabel("Sort rows")).toHaveValue("divergence");
    await expect(page.getByLabel("Search positions, notes, sources and issue and party names")).toHaveValue("russia");
    const shown = await rowIssues(page);
    // us-draft vs europe: NATO (+2/−1), Donbas (+2/−1) and frozen assets (+1/−2) all spread 3, in issue order.
    expect(shown.slice(0, 3)).toEqual(["nato", "donbas", "frozen-assets"]);
    const api = await (await request.get(`/api${MATRIX}/matrix?parties=us-draft,europe&sort=divergence&q=russia`)).json();
    expect(shown).toEqual(api.issues.map((i: { slug: string }) => i.slug));
  });

  test("narrows rows with the search box, marks why each row matched, and orders them", async ({ page, request }) => {
    await page.goto(MATRIX);
    const search = page.getByLabel("Search positions, notes, sources and issue and party names");
    // Cells match on their own texts (notes and source titles and publishers too), never on their party's name.
    for (const q of ["Zaporizhzhia", "referendum", "Witkoff", "Kommersant", "Geneva"]) {
      await search.fill(q);
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(new RegExp(`q=${q}`));
      const json = await (await request.get(`/api${MATRIX}/matrix?q=${q}`)).json();
      const matching = json.positions
        .filter((p: { match: boolean }) => p.match)
        .map((p: { issue: string; party: string }) => `${p.issue}|${p.party}`);
      await expect.poll(() => rowIssues(page)).toEqual(json.issues.map((i: { slug: string }) => i.slug));
      const marked = await page
        .locator('[data-testid="position-cell"][data-match="true"]')
        .evaluateAll((cells) => cells.map((c) => `${c.getAttribute("data-issue")}|${c.getAttribute("data-party")}`));
      expect(marked, q).toEqual(matching);
      await expect(page.getByTestId("search-summary")).toContainText(`${matching.length} cell${matching.length === 1 ? "" : "s"} match`);
    }
    await page.getByLabel("Sort rows").selectOption("issue");
    await expect(page).toHaveURL(/sort=issue/);
    await expect.poll(async () => (await rowIssues(page))[0]).toBe("amnesty");
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
      expect(download.suggestedFilename()).toMatch(/^ukraine-peace-2025_2026-01-08_(wide|long)\.csv$/);
    }
  });

  test("a cell's page opens source links in a new tab without an opener, and numbers them in one bibliography", async ({ page }) => {
    await page.goto(`${MATRIX}/issues/army-cap/parties/europe`);
    const link = page.locator(".numbered-sources a[target]").first();
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    await expect(link).toHaveAttribute("href", /^https?:\/\//);
    const title = await link.innerText();
    const number = page.locator(".source-number").first();
    const entry = (await number.getAttribute("href"))!;
    expect(entry).toMatch(/^\/negotiations\/ukraine-peace-2025\/sources#source-\d+$/);
    await number.click();
    await expect(page).toHaveURL(new RegExp(`${entry.replace("?", "\\?")}$`));
    await expect(page.locator(`li${entry.slice(entry.indexOf("#"))}`)).toContainText(title);
  });
});

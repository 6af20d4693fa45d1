import { describe, expect, it } from "vitest";
import { openPage, takeNotFoundErrors, useBrowser } from "./support/browser";

const browser = useBrowser();
const MATRIX = "/negotiations/ukraine-peace-2025";

async function rowIssues(page: import("playwright-core").Page) {
  return page.locator('[data-testid="position-matrix"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-issue")));
}
async function columnParties(page: import("playwright-core").Page) {
  return page.locator('[data-testid="position-matrix"] thead th[data-party]').evaluateAll((ths) => ths.map((t) => t.getAttribute("data-party")));
}

describe("the matrix page", () => {
  it("lists the negotiation on the home page and links to it", async () => {
    const page = await openPage(browser, "/");
    await page.getByRole("link", { name: "Russia–Ukraine peace talks, Nov–Dec 2025" }).click();
    await page.waitForURL(`**${MATRIX}`);
    expect(await page.locator("h1").textContent()).toBe("Russia–Ukraine peace talks, Nov–Dec 2025");
  });

  it("shows every seeded issue and party, unknown cells unlike a 0", async () => {
    const page = await openPage(browser, MATRIX);
    await expect.poll(() => rowIssues(page)).toHaveLength(13);
    await expect.poll(() => columnParties(page)).toEqual(["us-draft", "revised-framework", "europe", "russia", "ukraine"]);
    const g8Ukraine = page.locator('tr[data-issue="g8"] td').nth(4);
    expect(await g8Ukraine.locator("[data-score]").getAttribute("data-score")).toBe("none");
    expect(await g8Ukraine.locator(".badge").textContent()).toContain("No position");
    expect(await page.locator('tr[data-issue="security-guarantees"] td').first().locator(".badge").textContent()).toBe("0 Middle");
  });

  it("filters by the issue checkboxes, updates the URL, and Back restores the view", async () => {
    const page = await openPage(browser, `${MATRIX}?issues=nato,g8`);
    await page.getByText("Choose issues").click();
    await page.getByRole("checkbox", { name: "Crimea (recognition)" }).check();
    await page.waitForURL(/issues=nato%2Ccrimea%2Cg8$/);
    await expect.poll(() => rowIssues(page)).toEqual(["nato", "crimea", "g8"]);
    await page.getByRole("checkbox", { name: "Russia", exact: true }).uncheck();
    await page.waitForURL(/parties=/);
    await expect.poll(() => columnParties(page)).toEqual(["us-draft", "revised-framework", "europe", "ukraine"]);
    await page.goBack();
    await page.waitForURL(/issues=nato%2Ccrimea%2Cg8$/);
    await expect.poll(() => columnParties(page)).toHaveLength(5);
    await page.goBack();
    await page.waitForURL(/issues=nato,g8$/);
    await expect.poll(() => rowIssues(page)).toEqual(["nato", "g8"]);
  });

  it("reproduces a shared URL, search and divergence sort included", async () => {
    const page = await openPage(browser, `${MATRIX}?parties=us-draft,europe&sort=divergence&q=russia`);
    await expect.poll(() => columnParties(page)).toEqual(["us-draft", "europe"]);
    expect(await page.getByLabel("Sort rows").inputValue()).toBe("divergence");
    expect(await page.getByLabel("Search issues, summaries and quotes").inputValue()).toBe("russia");
    const rows = await rowIssues(page);
    // us-draft vs europe: donbas and frozen-assets both spread 3; donbas comes first in issue order.
    expect(rows.slice(0, 2)).toEqual(["donbas", "frozen-assets"]);
    const api = await (await fetch(browser.url(`/api${MATRIX}/matrix?parties=us-draft,europe&sort=divergence&q=russia`))).json();
    expect(rows).toEqual(api.issues.map((i: { slug: string }) => i.slug));
  });

  it("narrows rows with the search box and orders them by divergence", async () => {
    const page = await openPage(browser, MATRIX);
    await page.getByLabel("Search issues, summaries and quotes").fill("Zaporizhzhia");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=Zaporizhzhia/);
    await expect.poll(() => rowIssues(page)).toEqual(["crimea", "zaporizhzhia-kherson", "znpp"]);
    await page.getByLabel("Search issues, summaries and quotes").fill("NATO");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=NATO/);
    await expect.poll(() => rowIssues(page)).toEqual(["nato", "security-guarantees", "foreign-troops"]);
    await page.getByLabel("Sort rows").selectOption("issue");
    await page.waitForURL(/sort=issue/);
    await expect.poll(() => rowIssues(page)).toEqual(["foreign-troops", "nato", "security-guarantees"]);
  });

  it("shows a notice for ignored filters and a 404 page for an unknown negotiation", async () => {
    const page = await openPage(browser, `${MATRIX}?issues=nato,<b>bold</b>&sort=sideways`);
    const notices = await page.getByTestId("notices").textContent();
    expect(notices).toContain("Ignored unknown issue: “<b>bold</b>”.");
    expect(notices).toContain("Ignored unknown sort “sideways”");
    expect(await page.locator(".notice b").count()).toBe(0);
    const response = await page.goto(browser.url("/negotiations/no-such-talks"));
    expect(response?.status()).toBe(404);
    expect(takeNotFoundErrors(browser)).toBe(1);
    expect(await page.locator("h1").textContent()).toBe("Negotiation not found");
  });

  it("downloads a CSV equal to what the route serves for the same filters", async () => {
    const page = await openPage(browser, `${MATRIX}?issues=donbas,amnesty&sort=divergence`);
    for (const testId of ["csv-wide", "csv-long"]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
      const href = await page.getByTestId(testId).getAttribute("href");
      const served = Buffer.from(await (await fetch(browser.url(href!))).arrayBuffer());
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(served)).toBe(true);
      expect(download.suggestedFilename()).toMatch(/^ukraine-peace-2025_2025-12-02_(wide|long)\.csv$/);
    }
  });

  it("opens source links in a new tab without an opener, and quotes on one click", async () => {
    const page = await openPage(browser, `${MATRIX}?issues=army-cap&parties=europe`);
    const link = page.locator("td .sources a").first();
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(await link.getAttribute("href")).toMatch(/^https?:\/\//);
    const quote = page.locator("td .cell-quote blockquote");
    expect(await quote.isVisible()).toBe(false);
    await page.locator("td .cell-quote summary").click();
    expect(await quote.isVisible()).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { openPage, useBrowser } from "./support/browser";

const browser = useBrowser();
const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;

describe("data from the database is data", () => {
  it("shows markup as text and runs no script", async () => {
    const page = await openPage(browser, "/negotiations/hostile-test");
    expect(await page.locator("h1").textContent()).toBe(`Hostile ${HOSTILE}`);
    const cell = page.locator('tr[data-issue="alpha"] td').first();
    expect(await cell.locator(".cell-summary").textContent()).toContain(HOSTILE);
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("exports formula-like text neutralised", async () => {
    const csv = await (await fetch(browser.url("/negotiations/hostile-test/matrix.csv?issues=alpha&parties=a"))).text();
    expect(csv.split("\r\n")[1]).toBe(`alpha,-2,"'=HYPERLINK(""http://evil.example"",""x"") ${HOSTILE.replaceAll('"', '""')}"`);
  });

  it("lists the second negotiation beside the first", async () => {
    const page = await openPage(browser, "/");
    expect(await page.locator(".negotiation-list h2").allTextContents()).toEqual([`Hostile ${HOSTILE}`, "Russia–Ukraine peace talks, Nov–Dec 2025"]);
  });
});

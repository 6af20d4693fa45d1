import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TPosition } from "@/lib/domain";
import { openPage, SCREENSHOTS, useBrowser } from "./support/browser";

const browser = useBrowser();
const BASE = "/negotiations/ukraine-peace-2025";

async function api(pathname: string) {
  return (await fetch(browser.url(pathname))).json();
}

describe("charts", () => {
  it.each([[""], ["?parties=us-draft,revised-framework,europe"], ["?issues=g8,amnesty,elections&parties=revised-framework,europe,ukraine"]])(
    "draw one marker per known score, one bar per ranked issue, one cell per pair %s",
    async (query) => {
      const page = await openPage(browser, `${BASE}/charts${query}`);
      const view = await api(`/api${BASE}/matrix${query}`);
      const known = (view.positions as TPosition[]).filter((p) => p.score !== null).length;
      await expect.poll(() => page.locator("[data-testid=chart-strips] .recharts-scatter-symbol").count()).toBe(known);
      const ranked = view.issues.filter((i: { spread: number | null }) => i.spread !== null).length;
      await expect.poll(() => page.locator("[data-testid=chart-spread] .recharts-bar-rectangle").count()).toBe(ranked);
      const n = view.parties.length;
      expect(await page.locator("[data-testid=distance-heatmap] td a").count()).toBe(n * (n - 1));
      const unknownNamed = await page.locator("[data-testid=chart-strips] .strip-text").allTextContents();
      expect(unknownNamed.join(" ").match(/No score:/g)?.length ?? 0).toBe(
        view.issues.filter((i: { scored: number }) => i.scored < n).length,
      );
    },
  );

  it("open the compare view for a heatmap cell", async () => {
    const page = await openPage(browser, `${BASE}/charts`);
    const divergence = await api(`/api${BASE}/divergence`);
    const pair = divergence.pairs.find((p: { a: string; b: string }) => p.a === "europe" && p.b === "russia");
    const cell = page.locator('[data-testid=distance-heatmap] td a[href$="compare?a=europe&b=russia"]');
    expect(await cell.locator("strong").textContent()).toBe(pair.distance.toFixed(2));
    await cell.click();
    await page.waitForURL(/compare\?a=europe&b=russia$/);
    expect(await page.getByLabel("Party A").inputValue()).toBe("europe");
    expect(await page.getByLabel("Party B").inputValue()).toBe("russia");
  });
});

describe("compare view", () => {
  it("shows the chosen pair side by side with the summary line and a matching CSV", async () => {
    const page = await openPage(browser, `${BASE}/compare`);
    await page.getByLabel("Party A").selectOption("us-draft");
    await page.getByLabel("Party B").selectOption("europe");
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/a=us-draft&b=europe/);
    const headers = await page.locator("[data-testid=compare-table] thead th").allTextContents();
    expect(headers.slice(2)).toEqual(["A: US 28-point draft", "B: European (E3) counter-proposal"]);
    // us-draft vs europe: both scored on 11 issues, equal on 3 (sanctions, g8, znpp); 2 unknown (amnesty, elections).
    expect(await page.getByTestId("compare-summary").textContent()).toBe("Same on 3 issues, different on 8, unknown on 2.");
    expect(await page.locator('tr[data-issue="army-cap"] td').first().textContent()).toContain("2 steps toward “No limit on Ukraine's forces”");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("compare-csv").click()]);
    expect(download.suggestedFilename()).toBe("ukraine-peace-2025_2025-12-02_compare_us-draft_europe.csv");
  });

  it("asks for the pickers instead of failing on an unknown party", async () => {
    const page = await openPage(browser, `${BASE}/compare?a=us-draft&b=atlantis`);
    expect(await page.getByTestId("compare-message").textContent()).toBe("Party B “atlantis” is not in this negotiation; choose another.");
    expect(await page.getByLabel("Party A").inputValue()).toBe("us-draft");
  });
});

describe("keyboard only", () => {
  it("reaches and operates every control, with a visible focus", async () => {
    const page = await openPage(browser, BASE);
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const text = ["INPUT", "SELECT"].includes(el.tagName) ? "" : (el.textContent?.trim().slice(0, 40) ?? "");
        return { label: el.getAttribute("aria-label") ?? text, tag: el.tagName, outline: style.outlineStyle };
      });
      seen.push(`${focused.tag}:${focused.label}`);
      expect(focused.outline, `focus ring on ${focused.tag} ${focused.label}`).not.toBe("none");
    }
    for (const expected of ["A:Skip to content", "INPUT:", "BUTTON:Search", "SELECT:", "SUMMARY:Choose issues (all) and parties (all)", "A:CSV, one row per issue", "DIV:Position matrix, scrolls in both directions", "SUMMARY:Quote"]) {
      expect(seen).toContain(expected);
    }
  });

  it("filters with the keyboard: search, sort and a checkbox", async () => {
    const page = await openPage(browser, BASE);
    await page.getByLabel("Search issues, summaries and quotes").focus();
    await page.keyboard.type("assets");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=assets/);
    await page.getByLabel("Sort rows").focus();
    await page.keyboard.press("ArrowDown");
    await page.waitForURL(/sort=divergence/);
    await page.getByText("Choose issues").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("checkbox", { name: "Ukraine", exact: true }).focus();
    await page.keyboard.press("Space");
    await page.waitForURL(/parties=us-draft%2Crevised-framework%2Ceurope%2Crussia/);
    expect(page.url()).toContain("q=assets");
  });
});

describe("print", () => {
  it("prints the filtered matrix without navigation, with quotes and source URLs, on A4 landscape", async () => {
    const page = await openPage(browser, `${BASE}?issues=nato,donbas&parties=us-draft,russia`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator(".toolbar").isVisible()).toBe(false);
    expect(await page.locator("[data-testid=position-matrix]").isVisible()).toBe(true);
    expect(await page.locator("td .print-url").first().isVisible()).toBe(true);
    expect(await page.locator("td blockquote.print-only").first().isVisible()).toBe(true);
    expect(await page.locator("[data-testid=position-matrix] tbody tr").count()).toBe(2);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(SCREENSHOTS, "matrix-print.pdf"), pdf);
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  });
});

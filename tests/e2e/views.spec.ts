import { writeFileSync } from "node:fs";
import path from "node:path";
import { PARTY_STYLES } from "@/lib/analysis/chart-data";
import { expect, SCREENSHOTS, test } from "@/tests/e2e/support/fixtures";

const BASE = "/negotiations/ukraine-peace-2025";
// Markers and bars are found by the colours the app gives them, not by the chart library's class names.
const MARKERS = PARTY_STYLES.map((s) => `[data-testid=chart-strips] li.strip svg [fill="${s.color}"]`).join(", ");
const BARS = '[data-testid=chart-spread] svg path[fill="#542788"], [data-testid=chart-spread] svg rect[fill="#542788"]';

type TView = {
  positions: { issue: string; score: number | null }[];
  issues: { spread: number | null; scored: number }[];
  parties: unknown[];
};

test.describe("charts", () => {
  for (const query of [
    "",
    "?parties=us-draft,revised-framework,europe",
    "?issues=g8,amnesty,elections&parties=revised-framework,europe,ukraine",
  ]) {
    test(`draw one marker per known score, one bar per ranked issue, one cell per pair ${query}`, async ({ page, request }) => {
      await page.goto(`${BASE}/charts${query}`);
      const view = (await (await request.get(`/api${BASE}/matrix${query}`)).json()) as TView;
      await expect(page.locator(MARKERS)).toHaveCount(view.positions.filter((p) => p.score !== null).length);
      await expect(page.locator(BARS)).toHaveCount(view.issues.filter((i) => i.spread !== null).length);
      const n = view.parties.length;
      await expect(page.locator("[data-testid=distance-heatmap] td a")).toHaveCount(n * (n - 1));
      const unknownNamed = await page.locator("[data-testid=chart-strips] .strip-text").allTextContents();
      const withUnknown = new Set(view.positions.filter((p) => p.score === null).map((p) => p.issue));
      expect(unknownNamed.join(" ").match(/No score:/g)?.length ?? 0).toBe(withUnknown.size);
    });
  }

  test("open the compare view for a heatmap cell", async ({ page, request }) => {
    await page.goto(`${BASE}/charts`);
    const divergence = await (await request.get(`/api${BASE}/divergence`)).json();
    const pair = divergence.pairs.find((p: { a: string; b: string }) => p.a === "europe" && p.b === "russia");
    const cell = page.locator('[data-testid=distance-heatmap] td a[href$="compare?a=europe&b=russia"]');
    await expect(cell.locator("strong")).toHaveText(`${Math.round(pair.agreement * 100)}%`);
    await cell.click();
    await expect(page).toHaveURL(/compare\?a=europe&b=russia$/);
    await expect(page.getByLabel("Party A")).toHaveValue("europe");
    await expect(page.getByLabel("Party B")).toHaveValue("russia");
  });
});

test.describe("one agreement figure everywhere", () => {
  test("every heatmap cell shows the agreement its compare page shows, under a filter", async ({ page }) => {
    const filter = "issues=nato,army-cap,donbas,crimea,sanctions,g8&q=russia";
    await page.goto(`${BASE}/charts?${filter}`);
    const cells = await page
      .locator("[data-testid=distance-heatmap] td a")
      .evaluateAll((links) => links.map((a) => [a.getAttribute("href")!, a.querySelector("strong")!.textContent!.trim()]));
    expect(cells).toHaveLength(42);
    for (const [href, figure] of cells) {
      expect(href).toContain("issues=nato");
      expect(href).toContain("q=russia");
      await page.goto(href!);
      if (figure === "—") await expect(page.getByTestId("compare-agreement")).toContainText("no agreement figure");
      else await expect(page.getByTestId("compare-agreement")).toContainText(`${figure} agreement`);
    }
  });

  test("the charts page tells the story: leanings, the drafts' moves, and the anchors left out of spread", async ({ page }) => {
    await page.goto(`${BASE}/charts`);
    await expect(page.getByTestId("lean-sentences")).toContainText(
      "US 28-point draft leans +1.2 toward Russia's maximal demand over 13 scored issues.",
    );
    await expect(page.getByTestId("movement-sentences")).toContainText(
      "From the US 28-point draft to the Revised US–Ukraine framework (Geneva): 6 issues moved toward Ukraine's stated position (11 steps in all)",
    );
    await expect(page.getByTestId("anchor-note")).toContainText("Ukraine and Russia state the position that defines an end of the scale");
    await page.getByTestId("anchor-note").getByRole("link", { name: "Include them" }).click();
    await expect(page).toHaveURL(/anchors=include/);
    await expect(page.getByTestId("anchor-note")).toContainText("Leave them out");
  });
});

test.describe("charts of a negotiation without pole parties (COP30)", () => {
  test("speak of its own scale, follow the presidency's texts by date, and say nothing of anchors or of another negotiation", async ({
    page,
  }) => {
    await page.goto("/negotiations/cop30-belem-2025/charts");
    await expect(page.getByTestId("lean-sentences")).toContainText(/toward (no text|the strongest)/i);
    const moves = page.getByTestId("movement-sentences");
    await expect(moves).toContainText("From the First mutirão draft (18 Nov) to the Revised mutirão draft (21 Nov)");
    await expect(moves).toContainText("From the Revised mutirão draft (21 Nov) to the Belém package as adopted (22 Nov)");
    await expect(page.getByTestId("anchor-note")).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText(/Russia|Ukraine|anchor/i);
  });
});

test.describe("compare view", () => {
  test("shows the chosen pair side by side with the summary line and a matching CSV", async ({ page }) => {
    await page.goto(`${BASE}/compare`);
    await page.getByLabel("Party A").selectOption("us-draft");
    await page.getByLabel("Party B").selectOption("europe");
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page).toHaveURL(/a=us-draft&b=europe/);
    const headers = await page.locator("[data-testid=compare-table] thead th").allTextContents();
    expect(headers.slice(1, 3)).toEqual(["A: US 28-point draft", "B: European (E3) counter-proposal"]);
    // us-draft vs europe: both scored on all 13 issues (the European text's elections and amnesty points come from the
    // lineage research), equal on 3 (sanctions, g8, znpp). Gaps 3+2+3+2+0+0+2+1+2+3+0 = 18 over the first 11, amnesty
    // +2 → −1 (3) and elections +1 → 0 (1): 22 over 13 shared, distance 22/52, agreement 58%.
    await expect(page.getByTestId("compare-summary")).toHaveText(
      "US 28-point draft and European (E3) counter-proposal: 58% agreement over 13 shared issues. Same on 3, different on 10, unknown on 0. " +
        "Largest gaps (3 steps): NATO membership / NATO restrictions; Donbas (Donetsk + Luhansk); Frozen Russian assets and reconstruction; Amnesty / waiver of claims.",
    );
    // Largest gap first, the equal ones last.
    const order = await page
      .locator("[data-testid=compare-table] tr[data-issue]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-issue")));
    expect(order.slice(0, 4)).toEqual(["nato", "donbas", "frozen-assets", "amnesty"]);
    expect(order.slice(-3).sort()).toEqual(["g8", "sanctions", "znpp"]);
    await page.getByRole("link", { name: "Differences only" }).click();
    await expect(page.locator("[data-testid=compare-table] tr[data-issue]")).toHaveCount(10);
    await expect(page.getByText("What B says differently")).toHaveCount(0);
    await page.getByRole("link", { name: "Show word-level differences" }).click();
    await page.locator('tbody:has(tr[data-issue="nato"]) .compare-more > td > details > summary').click();
    await expect(page.getByText("What B says differently").first()).toBeVisible();
    await expect(page.locator('tr[data-issue="army-cap"] td').nth(2)).toContainText("2 steps toward “No limit on Ukraine's forces”");
    await expect(page.locator('tr[data-issue="army-cap"] td').nth(3)).toHaveText("50%");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("compare-csv").click()]);
    expect(download.suggestedFilename()).toBe("ukraine-peace-2025_2026-01-08_compare_us-draft_europe.csv");
  });

  test("two parties over every issue fit in two screens at 1280 × 900; summaries are one click away, all on request, and all in print", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const pair of ["a=us-draft&b=europe", "a=russia&b=ukraine", "a=revised-framework&b=twenty-point"]) {
      await page.goto(`${BASE}/compare?${pair}`);
      expect(await page.evaluate(() => document.documentElement.scrollHeight), pair).toBeLessThanOrEqual(2 * 900);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    }
    const summaries = page.locator("[data-testid=compare-table] .compare-more .cell-summary");
    await expect(summaries.first()).toBeHidden();
    await page.locator('tbody:has(tr[data-issue="nato"]) .compare-more > td > details > summary').click();
    await expect(page.locator('tbody:has(tr[data-issue="nato"]) .cell-summary').first()).toBeVisible();
    await page.getByRole("link", { name: "Show every summary and source" }).click();
    await expect(page).toHaveURL(/details=all/);
    await expect(summaries.last()).toBeVisible();
    await page.goto(`${BASE}/compare?a=russia&b=ukraine`);
    await page.emulateMedia({ media: "print" });
    await expect(summaries.last()).toBeVisible();
    await expect(page.locator("[data-testid=compare-table] .compare-more .sources").last()).toBeVisible();
  });

  test("a party compared with itself gets a clear message and the pickers; ignored filters get notices", async ({ page }) => {
    await page.goto(`${BASE}/compare?a=russia&b=russia&issues=nato,atlantis`);
    await expect(page.getByTestId("compare-message")).toHaveText("Party A and party B are the same; choose two different parties.");
    await expect(page.getByTestId("notices")).toContainText("Ignored unknown issue: “atlantis”.");
    await expect(page.getByLabel("Party A")).toBeVisible();
  });

  test("asks for the pickers instead of failing on an unknown party", async ({ page }) => {
    await page.goto(`${BASE}/compare?a=us-draft&b=atlantis`);
    await expect(page.getByTestId("compare-message")).toHaveText("Party B “atlantis” is not in this negotiation; choose another.");
    await expect(page.getByLabel("Party A")).toHaveValue("us-draft");
  });
});

test.describe("keyboard only", () => {
  test("reaches and operates every control, with a visible focus", async ({ page }) => {
    await page.goto(BASE);
    const seen: string[] = [];
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const text = ["INPUT", "SELECT"].includes(el.tagName) ? "" : (el.textContent?.trim().slice(0, 40) ?? "");
        return { label: el.getAttribute("aria-label") ?? text, tag: el.tagName, outline: getComputedStyle(el).outlineStyle };
      });
      seen.push(`${focused.tag}:${focused.label}`);
      expect(focused.outline, `focus ring on ${focused.tag} ${focused.label}`).not.toBe("none");
    }
    for (const expected of [
      "A:Skip to content",
      "INPUT:",
      "BUTTON:Search",
      "SELECT:",
      "SUMMARY:Issues (all), parties (all)",
      "SUMMARY:Date: latest",
      "SUMMARY:Key",
      "SUMMARY:About",
      "A:Show summaries",
      "A:US 28-point draft",
      "A:Sort rows by US 28-point draft's score, highest first",
      "A:NATO membership / NATO restrictions",
    ]) {
      const [tag, ...label] = expected.split(":");
      expect(seen).toContain(`${tag}:${label.join(":").slice(0, 40)}`);
    }
    // Then the cells, each one link to its page.
    expect(seen.some((s) => s.startsWith("A:US 28-point draft▲▲+2"))).toBe(true);
  });

  test("filters with the keyboard: search, sort and a checkbox", async ({ page }) => {
    await page.goto(BASE);
    await page.getByLabel("Search positions, notes, sources and issue and party names").focus();
    await page.keyboard.type("assets");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/q=assets/);
    await page.getByLabel("Sort rows").focus();
    await page.keyboard.press("ArrowDown");
    await expect(page).toHaveURL(/sort=divergence/);
    await page.getByTestId("filters").locator("summary").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("checkbox", { name: "Ukraine", exact: true }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Apply filters" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/parties=us-draft%2Crevised-framework%2Ceurope%2Ceurope-24%2Crussia%2Ctwenty-point/);
    expect(page.url()).toContain("q=assets");
  });
});

test.describe("print", () => {
  test("prints the filtered matrix without navigation, with the summaries of the detailed density, on A4 landscape", async ({ page }) => {
    await page.goto(`${BASE}?issues=nato,donbas&parties=us-draft,russia&density=detailed`);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.locator(".view-toolbar")).toBeHidden();
    await expect(page.locator("[data-testid=position-matrix]")).toBeVisible();
    await expect(page.locator("td .cell-summary").first()).toBeVisible();
    await expect(page.locator("td .cell-summary")).toHaveCount(4);
    await expect(page.locator("[data-testid=position-matrix] tbody tr")).toHaveCount(2);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(SCREENSHOTS, "matrix-print.pdf"), pdf);
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  });
});

test.describe("a dossier of thousands of issues", () => {
  test("pages its rows and lists no issue checkboxes", async ({ page }) => {
    await page.goto("/negotiations/e2e-large?sort=divergence");
    await expect(page.locator('[data-testid="position-matrix"] tbody tr')).toHaveCount(50);
    await expect(page.getByTestId("view-line")).toContainText("on page 1 of 5");
    await page.getByTestId("filters").locator("summary").click();
    await expect(page.getByTestId("issue-filter-hint")).toBeVisible();
    await page.getByRole("link", { name: "Next page →" }).click();
    await expect(page).toHaveURL(/sort=divergence&page=2$/);
    await expect(page.getByTestId("view-line")).toContainText("rows 51–100 on page 2 of 5");
  });
});

import path from "node:path";
import { findAxeViolations } from "@/tests/e2e/support/axe";
import { expect, SCREENSHOTS, takeNotFoundErrors, test } from "@/tests/e2e/support/fixtures";

const PAGES = [
  ["home", "/"],
  ["matrix", "/negotiations/ukraine-peace-2025"],
  [
    "matrix-filtered",
    "/negotiations/ukraine-peace-2025?issues=nato,g8,amnesty&parties=us-draft,revised-framework,europe&sort=divergence&q=x&foo=bar",
  ],
  ["charts", "/negotiations/ukraine-peace-2025/charts"],
  ["compare", "/negotiations/ukraine-peace-2025/compare?a=us-draft&b=revised-framework"],
  ["compare-empty", "/negotiations/ukraine-peace-2025/compare?a=nobody"],
  ["not-found", "/negotiations/no-such-talks"],
  ["matrix-detailed", "/negotiations/ukraine-peace-2025?density=detailed&q=NATO"],
  ["cell", "/negotiations/ukraine-peace-2025/issues/nato/parties/russia"],
  ["cell-unknown", "/negotiations/ukraine-peace-2025/issues/g8/parties/ukraine"],
  ["issue", "/negotiations/ukraine-peace-2025/issues/army-cap"],
  ["party", "/negotiations/ukraine-peace-2025/parties/revised-framework"],
  ["sources", "/negotiations/ukraine-peace-2025/sources"],
  ["charts-anchors", "/negotiations/ukraine-peace-2025/charts?anchors=include&parties=us-draft,europe,russia"],
  ["compare-gaps", "/negotiations/ukraine-peace-2025/compare?a=us-draft&b=russia&only=differences&diff=words"],
  ["embed", "/embed/negotiations/ukraine-peace-2025/charts/agreement"],
  ["timeline", "/negotiations/ukraine-peace-2025/timeline"],
  ["matrix-as-of", "/negotiations/ukraine-peace-2025?asOf=2025-11-22"],
  ["changes", "/negotiations/ukraine-peace-2025/changes?from=2025-11-20&to=2025-12-24"],
  ["cell-history", "/negotiations/ukraine-peace-2025/issues/nato/parties/ukraine?asOf=2025-12-15"],
  ["sign-in", "/sign-in"],
  ["log", "/negotiations/ukraine-peace-2025/log?party=ukraine"],
  ["matrix-search", "/negotiations/ukraine-peace-2025?q=Geneva"],
  ["compare-all", "/negotiations/ukraine-peace-2025/compare?a=russia&b=ukraine&details=all"],
  ["cop30-matrix", "/negotiations/cop30-belem-2025"],
  ["cop30-charts", "/negotiations/cop30-belem-2025/charts"],
  ["cop30-compare", "/negotiations/cop30-belem-2025/compare?a=mutirao-draft-1&b=belem-final"],
  ["cop30-cell", "/negotiations/cop30-belem-2025/issues/adaptation-finance/parties/eu"],
  ["cop30-issue", "/negotiations/cop30-belem-2025/issues/fossil-roadmap"],
  ["cop30-party", "/negotiations/cop30-belem-2025/parties/agn"],
  ["cop30-timeline", "/negotiations/cop30-belem-2025/timeline"],
  ["cop30-changes", "/negotiations/cop30-belem-2025/changes?from=2025-11-18&to=2025-11-22"],
  ["zones", "/negotiations/ukraine-peace-2025/zones"],
  ["zones-all-as-of", "/negotiations/ukraine-peace-2025/zones?asOf=2025-12-01&parties=us-draft,europe,russia,ukraine,twenty-point"],
  ["package", "/negotiations/ukraine-peace-2025/package?steps=nato:0,donbas:-1,crimea:1&weights=donbas:2"],
  ["package-empty", "/negotiations/ukraine-peace-2025/package?steps=nato:7"],
  ["cop30-zones", "/negotiations/cop30-belem-2025/zones?parties=mutirao-draft-1,eu"],
  ["drafts", "/negotiations/ukraine-peace-2025/drafts"],
  ["drafts-three", "/negotiations/ukraine-peace-2025/drafts?from=us-draft&to=europe,twenty-point&issues=nato,army-cap&foo=1"],
  ["point", "/negotiations/ukraine-peace-2025/drafts/us-draft/points/7"],
  ["point-latvian", "/negotiations/ukraine-peace-2025/drafts/us-draft/points/21"],
  ["point-unseen", "/negotiations/ukraine-peace-2025/drafts/europe/points/15"],
  ["cell-document", "/negotiations/ukraine-peace-2025/issues/nato/parties/us-draft"],
  ["cop30-drafts", "/negotiations/cop30-belem-2025/drafts"],
  ["methods", "/methods"],
  ["cell-one-original", "/negotiations/ukraine-peace-2025/issues/nato/parties/europe"],
  ["cell-readings", "/negotiations/ukraine-peace-2025/issues/army-cap/parties/revised-framework"],
  ["matrix-contested", "/negotiations/ukraine-peace-2025?asOf=2025-11-26&contested=only"],
  ["charts-range", "/negotiations/ukraine-peace-2025/charts?asOf=2025-12-15&readings=range"],
  ["package-range", "/negotiations/ukraine-peace-2025/package?steps=army-cap:-1,donbas:0&readings=range&asOf=2025-12-15"],
] as const;

// Dark mode changes colours only (the same layout as light), so it is checked at one width; the
// phone layout in light mode. A fourth run (375 px, dark) found nothing the other three did not,
// and took a quarter of the browser tests' time.
const VIEWS = [
  { width: 1280, height: 900, colorScheme: "light" },
  { width: 375, height: 800, colorScheme: "light" },
  { width: 1280, height: 900, colorScheme: "dark" },
] as const;

for (const view of VIEWS) {
  test.describe(`at ${view.width} px, ${view.colorScheme}`, () => {
    test.use({ viewport: { width: view.width, height: view.height }, colorScheme: view.colorScheme });

    for (const [name, pathname] of PAGES) {
      test(`${name} has no axe violations and no sideways scroll`, async ({ page }) => {
        await page.goto(pathname);
        if (name === "not-found") expect(takeNotFoundErrors(page)).toBe(1);
        // The page as shown: a streamed page replaces its loading line once rendered (React may hold the swap back briefly).
        await expect(page.locator("p.loading")).toHaveCount(0);
        expect(await findAxeViolations(page)).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        // Screenshots for people to look at (light mode; a full-page shot of a long page takes seconds).
        if (view.colorScheme === "light")
          await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${view.width}-${view.colorScheme}.png`), fullPage: true });
      });
    }
  });
}

for (const width of [1280, 375]) {
  test(`at ${width} px, each panel of the matrix's toolbar opens by keyboard and has no axe violations`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/negotiations/ukraine-peace-2025");
    for (const tool of ["filters", "date-tool", "key-tool", "about-tool"]) {
      const summary = page.getByTestId(tool).locator("summary");
      await summary.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId(tool).locator(".tool-panel")).toBeVisible();
      expect(await findAxeViolations(page), tool).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, tool).toBeLessThanOrEqual(0);
      await page.keyboard.press("Enter"); // the summary still has focus: closes it again
      await expect(page.getByTestId(tool).locator(".tool-panel")).toBeHidden();
    }
  });
}

test("the axe check finds a violation when there is one", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body><main><img src="data:,"></main></body></html>`);
  expect((await findAxeViolations(page)).map((v) => v.split(":")[0])).toContain("image-alt");
});

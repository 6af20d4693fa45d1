import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { describe, expect, it } from "vitest";
import { openPage, SCREENSHOTS, takeNotFoundErrors, useBrowser } from "./support/browser";

const PAGES = [
  ["home", "/"],
  ["matrix", "/negotiations/ukraine-peace-2025"],
  ["matrix-filtered", "/negotiations/ukraine-peace-2025?issues=nato,g8,amnesty&parties=us-draft,revised-framework,europe&sort=divergence&q=x&foo=bar"],
  ["charts", "/negotiations/ukraine-peace-2025/charts"],
  ["compare", "/negotiations/ukraine-peace-2025/compare?a=us-draft&b=revised-framework"],
  ["compare-empty", "/negotiations/ukraine-peace-2025/compare?a=nobody"],
  ["not-found", "/negotiations/no-such-talks"],
] as const;

const VIEWS = [
  { width: 1280, height: 900, colorScheme: "light" },
  { width: 375, height: 800, colorScheme: "light" },
  { width: 1280, height: 900, colorScheme: "dark" },
  { width: 375, height: 800, colorScheme: "dark" },
] as const;

for (const view of VIEWS) {
  describe(`at ${view.width} px, ${view.colorScheme}`, () => {
    const browser = useBrowser(view);

    it.each(PAGES)("%s has no axe violations, no sideways scroll, and a screenshot", async (name, pathname) => {
      const page = await openPage(browser, pathname);
      if (name === "not-found") expect(takeNotFoundErrors(browser)).toBe(1);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
      const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      expect(violations).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${view.width}-${view.colorScheme}.png`), fullPage: true });
    });
  });
}

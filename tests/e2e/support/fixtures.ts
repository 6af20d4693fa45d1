import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { ROOT } from "@/tests/support/paths";

export { expect };
export const SCREENSHOTS = path.join(ROOT, "screenshots");

const pageErrors = new WeakMap<Page, string[]>();

/**
 * A page whose console errors, script errors and failed responses fail the test, unless the test
 * takes the 404s it expects with `takeNotFoundErrors`.
 */
export const test = base.extend({
  page: async ({ page }, run) => {
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${message.text()} [${message.location().url}]`);
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`(${response.status()} for ${response.url()})`);
    });
    await run(page);
    expect(errors, "console errors and failed responses").toEqual([]);
  },
});

/** Removes the traces of pages answered with 404 (the response and Chromium's console line); returns how many there were. */
export function takeNotFoundErrors(page: Page): number {
  const errors = pageErrors.get(page) ?? [];
  const isResponse = (e: string) => e.startsWith("(404 for ");
  const count = errors.filter(isResponse).length;
  errors.splice(0, errors.length, ...errors.filter((e) => !isResponse(e) && !e.includes("status of 404")));
  return count;
}

import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { ROOT } from "../../support/paths";

export const SCREENSHOTS = path.join(ROOT, "screenshots");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export type TBrowser = { context: BrowserContext; url: (p: string) => string; errors: string[] };

/**
 * One Chromium per test file, a fresh page per test. Console errors and page errors are collected,
 * and any that appear fail the test.
 */
export function useBrowser(options: { width?: number; height?: number; colorScheme?: "light" | "dark" } = {}): TBrowser {
  const state = { errors: [] as string[] } as unknown as TBrowser;
  const baseUrl = inject("baseUrl");
  state.url = (p: string) => `${baseUrl}${p}`;
  beforeAll(async () => {
    state.context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), "e2e-chrome-")), {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: FLAGS,
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      colorScheme: options.colorScheme ?? "light",
      acceptDownloads: true,
    });
  });
  afterAll(async () => state.context?.close());
  afterEach(async () => {
    for (const page of state.context.pages()) await page.close();
    const errors = state.errors.splice(0);
    if (errors.length > 0) throw new Error(`Console errors:\n${errors.join("\n")}`);
  });
  return state;
}

/** A new tab that records console errors into the browser's error list. */
export async function openPage(browser: TBrowser, pathname: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") browser.errors.push(`${message.text()} [${message.location().url}]`);
  });
  page.on("pageerror", (error) => browser.errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) browser.errors.push(`(${response.status()} for ${response.url()})`);
  });
  await page.goto(browser.url(pathname));
  return page;
}

/**
 * Removes what a document answered with 404 leaves in the error list (Chromium's console line and the
 * failed response), and returns how many such responses there were.
 */
export function takeNotFoundErrors(browser: TBrowser): number {
  const isResponse = (e: string) => e.startsWith("(404 for ");
  const isNotFound = (e: string) => isResponse(e) || e.includes("status of 404");
  const count = browser.errors.filter(isResponse).length;
  browser.errors.splice(0, browser.errors.length, ...browser.errors.filter((e) => !isNotFound(e)));
  return count;
}

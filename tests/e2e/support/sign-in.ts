// Signing in through the real form, in this page or in a second browser session of its own.
import type { Browser, Page } from "@playwright/test";
import { expect } from "@/tests/e2e/support/fixtures";

export async function signIn(page: Page, user: { email: string; password: string }, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next.split("?")[0]);
  // The page as shown and hydrated: the streamed page replaces its loading line, and its form is live before anyone types.
  await expect(page.locator("p.loading")).toHaveCount(0);
  await page.waitForLoadState("networkidle");
}

export async function newSession(browser: Browser, user: { email: string; password: string }, next: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user, next);
  return { context, page };
}

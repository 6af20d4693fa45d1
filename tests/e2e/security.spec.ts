// The hardened server, through the production server: every response carries the security headers,
// each page's scripts run only with that response's nonce, and mutations are refused without an
// account, without rights, or from another site's page, changing nothing.
import type { APIResponse, Page } from "@playwright/test";
import { findAxeViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { ADMIN, EDITOR, NEWCOMER } from "./support/users";

const SLUG = "ukraine-peace-2025";
const CELL_API = `/api/negotiations/e2e-curation/issues/gamma/parties/a`;
const CELL_PAGE = `/negotiations/e2e-curation/issues/gamma/parties/a`;

function expectSecurityHeaders(response: APIResponse, { embed = false } = {}) {
  const h = response.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp.match(/script-src[^;]*/)![0]).not.toContain("unsafe");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain(embed ? "frame-ancestors http: https:" : "frame-ancestors 'none'");
  expect(h["x-frame-options"]).toBe(embed ? undefined : "DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["permissions-policy"]).toContain("geolocation=()");
  expect(h["x-powered-by"]).toBeUndefined();
  expect(h["strict-transport-security"]).toBeUndefined(); // plain HTTP here; see the HTTPS test below
}

test("every kind of response carries the security headers", async ({ request }) => {
  const home = await request.get("/");
  const script = /<script src="(\/_next\/static\/[^"]+)"/.exec(await home.text())![1]!;
  const cases: [string, string, number][] = [
    ["GET", "/", 200],
    ["GET", `/negotiations/${SLUG}`, 200],
    ["GET", `/negotiations/${SLUG}/issues/nato/parties/russia`, 200],
    ["GET", `/negotiations/${SLUG}/matrix.csv`, 200],
    ["GET", `/api/negotiations/${SLUG}/matrix`, 200],
    ["GET", `/negotiations/${SLUG}/log`, 200],
    ["GET", `/negotiations/${SLUG}/log.atom`, 200],
    ["GET", CELL_API, 200],
    ["GET", "/sign-in", 200],
    ["GET", "/api/auth/get-session", 200],
    ["GET", "/healthz", 200],
    ["GET", script, 200],
    ["GET", "/negotiations/no-such-talks", 404],
    ["GET", "/api/negotiations/no-such-talks/matrix", 404],
    ["TRACE", "/", 405],
    ["GET", "/negotiations/%E0%A4%A", 400],
    ["PUT", CELL_API, 401],
  ];
  for (const [method, path, status] of cases) {
    const response = await request.fetch(path, { method, ...(method === "PUT" ? { data: {} } : {}) });
    expect(response.status(), `${method} ${path}`).toBe(status);
    expectSecurityHeaders(response);
  }
  expectSecurityHeaders(await request.get(`/embed/negotiations/${SLUG}/charts/movement`), { embed: true });
});

test("each page gets its own nonce, and every script on it carries that nonce", async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get(`/negotiations/${SLUG}`);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
    const scripts = (await response.text()).match(/<script\b[^>]*>/g)!;
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("HSTS is sent when the request came over HTTPS (through a proxy that says so)", async ({ request }) => {
  const response = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

async function signIn(page: Page, user: { email: string; password: string }, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next);
}

test("a server action whose session is gone or lacks the rights is refused on the server, and nothing changes", async ({
  page,
  browser,
}) => {
  const etag = async () => (await page.request.get(CELL_API)).headers()["etag"];

  // The edit form, submitted after the session cookie is gone: the action finds no account.
  await signIn(page, EDITOR, `${CELL_PAGE}/edit`);
  const before = await etag();
  await page.getByLabel("Label (a few words)").fill("Written without a session");
  await page.getByLabel("Reason for this change (shown in the log)").fill("no session");
  await page.context().clearCookies();
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByTestId("edit-problems")).toContainText("Your session has ended");
  expect(await etag()).toBe(before);

  // A token, asked for after the session is gone: none is made.
  await signIn(page, EDITOR, "/account");
  await page.context().clearCookies();
  await page.getByLabel("Name of a new token (what it is for)").fill("stolen");
  await page.getByRole("button", { name: "Make a token" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "session" })).toContainText("Your session has ended");
  await expect(page.getByTestId("new-token")).toHaveCount(0);

  // The invitation form of an administrator, submitted with an editor's session: refused.
  await signIn(page, ADMIN, "/admin/users");
  const editor = await browser.newContext();
  const editorPage = await editor.newPage();
  await signIn(editorPage, EDITOR, "/account");
  await page.context().clearCookies();
  await page.context().addCookies(await editor.cookies());
  await editor.close();
  await page.getByLabel("Email").fill("intruder@example.org");
  await page.getByLabel("Display name (shown to readers next to their changes)").fill("Intruder");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "administrator" })).toHaveText("Only an administrator can invite users.");
  await page.context().clearCookies();
  await signIn(page, ADMIN, "/admin/users");
  await expect(page.getByTestId("users")).not.toContainText("intruder@example.org");
  expect(await findAxeViolations(page), "the users page").toEqual([]);
});

test("a form posted from another site's page is refused before the app, with the session cookie and all", async ({ page }) => {
  await signIn(page, EDITOR, `${CELL_PAGE}/edit`);
  const before = (await page.request.get(CELL_API)).headers()["etag"];
  const forged = await page.request.post(`${CELL_PAGE}/edit`, { multipart: { label: "x" }, headers: { origin: "https://evil.example" } });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toEqual({ error: "A change must be sent from this site's own pages." });
  const forgedSignIn = await page.request.post("/api/auth/sign-in/email", {
    data: { email: EDITOR.email, password: EDITOR.password },
    headers: { origin: "https://evil.example" },
  });
  expect(forgedSignIn.status()).toBe(403);
  expect(forgedSignIn.headers()["set-cookie"]).toBeUndefined();
  const put = await page.request.put(CELL_API, { data: {}, headers: { origin: "https://evil.example", "if-match": before! } });
  expect(put.status()).toBe(403);
  expect((await page.request.get(CELL_API)).headers()["etag"]).toBe(before);
});

test("a user replaces the password they were given; the old one no longer signs in", async ({ page }) => {
  await signIn(page, NEWCOMER, "/account");
  await page.getByLabel("Current password").fill(NEWCOMER.password);
  await page.getByLabel("New password (12 to 128 characters)").fill("my own password 456");
  await page.getByLabel("The new password again").fill("my own password 456");
  await page.getByRole("button", { name: "Change my password" }).click();
  await expect(page.getByTestId("password-message")).toHaveText("Your password is changed, and your other sessions are signed out.");
  const old = await page.request.post("/api/auth/sign-in/email", {
    data: { email: NEWCOMER.email, password: NEWCOMER.password },
    headers: { origin: new URL(page.url()).origin },
    failOnStatusCode: false,
  });
  expect(old.status()).toBe(401);
  expect(await findAxeViolations(page), "the account page").toEqual([]);
});

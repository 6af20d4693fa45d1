// The hardened server, through the production server: every response carries the security headers,
// each page's scripts run only with that response's nonce, and mutations are refused without an
// account, without rights, or from another site's page, changing nothing.
import http from "node:http";
import type { APIResponse, Page } from "@playwright/test";
import { findAxeViolations } from "@/tests/e2e/support/axe";
import { expect, test } from "@/tests/e2e/support/fixtures";
import { ADMIN, EDITOR, NEWCOMER } from "@/tests/e2e/support/users";

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
  await expect(page.getByTestId("password-message")).toHaveText(
    "Your password is changed, your other sessions are signed out and your API tokens revoked.",
  );
  const old = await page.request.post("/api/auth/sign-in/email", {
    data: { email: NEWCOMER.email, password: NEWCOMER.password },
    headers: { origin: new URL(page.url()).origin },
    failOnStatusCode: false,
  });
  expect(old.status()).toBe(401);
  expect(await findAxeViolations(page), "the account page").toEqual([]);
});

/** A raw request, exactly as written (Playwright would resolve dot segments and set its own Host). */
function rawRequest(baseURL: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  const { hostname, port } = new URL(baseURL);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(
      { hostname, port, method: options.method ?? "GET", path: options.path, headers: options.headers },
      (response) => {
        let body = "";
        response.on("data", (chunk) => (body += String(chunk)));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

test("after signing in, `next` never leads to another site (tabs, line breaks and backslashes included)", async ({ page }) => {
  for (const next of ["/\t/evil.example/phish", "/%09/evil.example/phish", "//evil.example/", "/\\evil.example/"]) {
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("Email").fill(EDITOR.email);
    await page.getByLabel("Password").fill(EDITOR.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/" || url.hostname !== "127.0.0.1");
    expect(new URL(page.url()).hostname, next).toBe("127.0.0.1");
    await page.context().clearCookies();
  }
});

test("framing is decided on the path the router resolves, an unknown Host is refused, and a body over its limit is never read", async ({
  baseURL,
}) => {
  const host = new URL(baseURL!).host;
  const dotted = await rawRequest(baseURL!, { path: "/embed/../admin/users", headers: { host } });
  expect(dotted.headers["x-frame-options"]).toBe("DENY");
  expect(dotted.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  const embed = await rawRequest(baseURL!, { path: "/embed/negotiations/ukraine-peace-2025/charts/lean", headers: { host } });
  expect(embed.headers["x-frame-options"]).toBeUndefined();

  const foreign = await rawRequest(baseURL!, { path: "/", headers: { host: "evil.example" } });
  expect(foreign.status).toBe(400);
  expect(JSON.parse(foreign.body)).toEqual({ error: "This server does not answer for that host name." });

  const huge = await rawRequest(baseURL!, {
    method: "POST",
    path: "/api/auth/sign-in/email",
    headers: { host, origin: `http://${host}`, "content-type": "application/json", "content-length": String(256 * 1024 * 1024) },
    body: "{",
  });
  expect(huge.status).toBe(413);
  expect(huge.headers.connection).toBe("close");
  const name = await rawRequest(baseURL!, {
    method: "POST",
    path: "/api/auth/update-user",
    headers: { host, origin: `http://${host}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "n".repeat(9000) }),
  });
  expect(name.status).toBe(413);
});

test("a change sent with a session cookie but no Origin (nor Sec-Fetch-Site) is refused, and nothing changes", async ({ page }) => {
  await signIn(page, EDITOR, `${CELL_PAGE}/edit`);
  const before = (await page.request.get(CELL_API)).headers()["etag"];
  const bare = await page.request.post(`${CELL_PAGE}/edit`, { multipart: { label: "x" } });
  expect(bare.status()).toBe(403);
  expect(await bare.json()).toEqual({ error: "A change made with a session cookie must say which page sent it (Origin)." });
  expect((await page.request.get(CELL_API)).headers()["etag"]).toBe(before);
});

test("an invited user chooses their own password first; an administrator disables an account and its session ends at once", async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN, "/admin/users");
  await page.getByLabel("Email").fill("invitee@example.org");
  await page.getByLabel("Display name (shown to readers next to their changes)").fill("Ines Invitee");
  await page.locator('input[name="negotiation"][value="e2e-curation"]').last().check();
  await page.getByRole("button", { name: "Invite" }).click();
  const password = (await page.getByTestId("invited").locator(".secret").textContent())!.trim();

  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(`/sign-in?next=${encodeURIComponent(CELL_PAGE)}`);
  await inviteePage.getByLabel("Email").fill("invitee@example.org");
  await inviteePage.getByLabel("Password").fill(password);
  await inviteePage.getByRole("button", { name: "Sign in" }).click();
  await inviteePage.waitForURL((url) => url.pathname === "/account");
  await expect(inviteePage.getByTestId("must-change-password")).toBeVisible();
  await inviteePage.goto(`${CELL_PAGE}/edit`);
  await expect(inviteePage.getByRole("alert").filter({ hasText: "signed in" })).toContainText("own password");
  await inviteePage.goto("/account");
  await inviteePage.getByLabel("Current password").fill(password);
  await inviteePage.getByLabel("New password (12 to 128 characters)").fill("Password2025!");
  await inviteePage.getByLabel("The new password again").fill("Password2025!");
  await inviteePage.getByRole("button", { name: "Change my password" }).click();
  await expect(inviteePage.getByTestId("password-message")).toContainText("too common");
  await inviteePage.getByLabel("Current password").fill(password);
  await inviteePage.getByLabel("New password (12 to 128 characters)").fill("walnut ferry lanterns");
  await inviteePage.getByLabel("The new password again").fill("walnut ferry lanterns");
  await inviteePage.getByRole("button", { name: "Change my password" }).click();
  await expect(inviteePage.getByTestId("must-change-password")).toHaveCount(0);
  await inviteePage.goto(`${CELL_PAGE}/edit`);
  await expect(inviteePage.getByRole("button", { name: "Save as a new version" })).toBeVisible();

  await page.reload();
  await page.getByRole("button", { name: "Disable Ines Invitee" }).click();
  await expect(page.getByRole("button", { name: "Enable Ines Invitee" })).toBeVisible();
  await inviteePage.goto("/account");
  await inviteePage.waitForURL((url) => url.pathname === "/sign-in");
  await invitee.close();
});

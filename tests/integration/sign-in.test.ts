// Sign-in through Better Auth's real route handler: a session cookie that is HttpOnly, Secure and
// SameSite, a plain refusal for a wrong password or another site's page, and a rate limit per address.
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...all]/route";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/constants";
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from "@/lib/auth/better-auth";
import { createUser } from "@/lib/auth/accounts";

const ORIGIN = "http://localhost:3000";
const PASSWORD = "a long sign-in password";

function signIn(password: string, address: string, email = "reader@example.org") {
  return POST(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, [CLIENT_ADDRESS_HEADER]: address },
      body: JSON.stringify({ email, password }),
    }),
  );
}

beforeAll(async () => {
  await createUser({ email: "reader@example.org", name: "Rae", role: "editor", password: PASSWORD });
  await createUser({ email: "other@example.org", name: "Otis", role: "editor", password: PASSWORD });
  await createUser({ email: "limited@example.org", name: "Lim", role: "editor", password: PASSWORD });
});

describe("signing in", () => {
  it("sets a session cookie that scripts cannot read and other sites do not get", async () => {
    const response = await signIn(PASSWORD, "10.0.0.1");
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=604800/);
  });

  it("refuses a wrong password with 401 (a sign-in from another site's page is refused by the server's gate: see tests/e2e/security.spec.ts)", async () => {
    expect((await signIn("wrong password 123", "10.0.0.2")).status).toBe(401);
  });

  it(`allows ${SIGN_IN_ATTEMPTS_PER_MINUTE} attempts a minute from one address, then answers 429; another address is not held up`, async () => {
    const statuses = [];
    for (let i = 0; i <= SIGN_IN_ATTEMPTS_PER_MINUTE; i++)
      statuses.push((await signIn("wrong password 123", "10.0.0.3", "limited@example.org")).status);
    expect(statuses.slice(0, SIGN_IN_ATTEMPTS_PER_MINUTE).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await signIn(PASSWORD, "10.0.0.3", "other@example.org")).status).toBe(429); // even the right password, until the minute is over
    // Another address is not held up (another account: this one's own failures count against it too, see account-security.test.ts).
    expect((await signIn(PASSWORD, "10.0.0.4", "other@example.org")).status).toBe(200);
  });
});

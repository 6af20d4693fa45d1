// The security review's findings on accounts, each on the real route handler and a real database:
// display names checked on every path (Better Auth's included), common passwords refused, sign-ins
// limited per account as well as per address, tokens that expire and end with a password change,
// accounts an administrator can disable, invited users who must choose their own password.
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...all]/route";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/constants";
import { createUser, setAccountDisabled } from "@/lib/auth/accounts";
import { checkPassword } from "@/lib/auth/password-policy";
import { checkEditRight } from "@/lib/auth/permissions";
import { accountOfToken, createApiToken, listApiTokens } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/connection";
import { SIGN_IN_FAILURES_PER_ACCOUNT } from "@/lib/auth/sign-in-limits";

const ORIGIN = "http://localhost:3000";

const userByEmail = (email: string) => getDb().selectFrom("User").selectAll().where("email", "=", email).executeTakeFirst();
let address = 0;

/** A request to one of Better Auth's endpoints, from a new address each time (the per-address limit is another test's). */
function auth(method: "GET" | "POST", endpoint: string, body?: unknown, cookie?: string) {
  const request = new Request(`${ORIGIN}/api/auth${endpoint}`, {
    method,
    headers: {
      origin: ORIGIN,
      [CLIENT_ADDRESS_HEADER]: `10.9.0.${++address % 250}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(cookie ? { cookie } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return method === "GET" ? GET(request) : POST(request);
}

async function signIn(email: string, password: string) {
  const response = await auth("POST", "/sign-in/email", { email, password });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  return {
    status: response.status,
    cookie,
    body: response.status === 200 ? ((await response.json()) as { user: Record<string, unknown> }) : null,
  };
}

describe("display names", () => {
  it("are checked when an account is made: required, at most 100 characters, no control characters, unique in any case", async () => {
    await createUser({ email: "dn1@example.org", name: "Dana Names", role: "editor", password: "a sturdy phrase of words" });
    for (const name of ["", " ", "x".repeat(101), "Tab\tName", "Bidi\u202Ename", "dana names", "DANA NAMES"]) {
      await expect(createUser({ email: "dn2@example.org", name, role: "editor", password: "a sturdy phrase of words" })).rejects.toThrow();
    }
    expect(await userByEmail("dn2@example.org")).toBeUndefined();
  });

  it("are checked on Better Auth's own /update-user: an empty, huge, control-character or taken name is refused, a good one kept", async () => {
    await createUser({ email: "boss@example.org", name: "The Boss", role: "admin", password: "a sturdy phrase of words" });
    await createUser({ email: "upd@example.org", name: "Uma Update", role: "editor", password: "another sturdy phrase" });
    const { cookie } = await signIn("upd@example.org", "another sturdy phrase");
    for (const name of ["", "n".repeat(5000), "Line\nbreak", "the boss", "THE BOSS"]) {
      const response = await auth("POST", "/update-user", { name }, cookie);
      expect(response.status, JSON.stringify(name.slice(0, 20))).toBe(400);
    }
    expect((await userByEmail("upd@example.org"))?.name).toBe("Uma Update");
    expect((await auth("POST", "/update-user", { name: "Uma Updated" }, cookie)).status).toBe(200);
    expect((await userByEmail("upd@example.org"))?.name).toBe("Uma Updated");
  });
});

describe("passwords", () => {
  it.each([
    "password1234",
    "Password2025!",
    "P@ssw0rd12345",
    "qwertyuiop123",
    "123456789012",
    "aaaaaaaaaaaa",
    "abcabcabcabc",
    "iloveyou2025",
  ])("%s is refused as common", (password) => {
    expect(checkPassword(password)).toMatch(/too common/);
  });

  it.each(["a sturdy phrase of words", "tram-lantern-oboe-42", "Kyiv winter 1994 tea"])("%s is accepted", (password) => {
    expect(checkPassword(password)).toBeNull();
  });

  it("refuses one built from the user's own email or name", () => {
    expect(checkPassword("marguerite-2025!", { email: "marguerite@example.org" })).toMatch(/email/);
  });

  it("are checked when an account is made and when a password is changed", async () => {
    await expect(createUser({ email: "pw@example.org", name: "Pat Word", role: "editor", password: "password1234" })).rejects.toThrow();
    await createUser({ email: "pw@example.org", name: "Pat Word", role: "editor", password: "a sturdy phrase of words" });
    const { cookie } = await signIn("pw@example.org", "a sturdy phrase of words");
    const refused = await auth(
      "POST",
      "/change-password",
      { currentPassword: "a sturdy phrase of words", newPassword: "Password2025!" },
      cookie,
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(/too common/);
    expect((await signIn("pw@example.org", "a sturdy phrase of words")).status).toBe(200);
  });
});

describe("sign-ins per account", () => {
  it(`allow ${SIGN_IN_FAILURES_PER_ACCOUNT} failures an account from any addresses, then refuse even the right password; other accounts are not held up`, async () => {
    await createUser({ email: "target@example.org", name: "Tara Target", role: "editor", password: "a sturdy phrase of words" });
    await createUser({ email: "bystander@example.org", name: "Bo Stander", role: "editor", password: "a sturdy phrase of words" });
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT; i++)
      expect((await signIn("target@example.org", `wrong guess number ${i}`)).status).toBe(401);
    expect((await signIn("target@example.org", "a sturdy phrase of words")).status).toBe(429);
    expect((await signIn("TARGET@example.org", "a sturdy phrase of words")).status).toBe(429);
    expect((await signIn("bystander@example.org", "a sturdy phrase of words")).status).toBe(200);
  });

  it("a successful sign-in clears the account's failures", async () => {
    await createUser({ email: "forgetful@example.org", name: "Fern Forgetful", role: "editor", password: "a sturdy phrase of words" });
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT - 1; i++) await signIn("forgetful@example.org", `wrong guess number ${i}`);
    expect((await signIn("forgetful@example.org", "a sturdy phrase of words")).status).toBe(200);
    expect((await signIn("forgetful@example.org", "wrong guess again")).status).toBe(401);
    expect((await signIn("forgetful@example.org", "a sturdy phrase of words")).status).toBe(200);
  });
});

describe("API tokens", () => {
  it("expire: 90 days by default, or the lifetime chosen", async () => {
    const user = await createUser({ email: "exp@example.org", name: "Ed Expiry", role: "editor", password: "a sturdy phrase of words" });
    const made = new Date("2026-01-01T00:00:00Z");
    const { token } = await createApiToken(user.id, "default", undefined, made);
    const { token: short } = await createApiToken(user.id, "short", 30, made);
    expect(await accountOfToken(token, new Date("2026-03-31T00:00:00Z"))).not.toBeNull();
    expect(await accountOfToken(token, new Date("2026-04-01T00:00:01Z"))).toBeNull();
    expect(await accountOfToken(short, new Date("2026-01-30T00:00:00Z"))).not.toBeNull();
    expect(await accountOfToken(short, new Date("2026-02-01T00:00:00Z"))).toBeNull();
    expect((await listApiTokens(user.id)).map((t) => t.expiresAt)).toEqual(["2026-01-31T00:00:00.000Z", "2026-04-01T00:00:00.000Z"]);
  });

  it("are revoked when their user changes the password", async () => {
    const user = await createUser({ email: "chg@example.org", name: "Cy Change", role: "editor", password: "a sturdy phrase of words" });
    const { token } = await createApiToken(user.id, "script");
    expect(await accountOfToken(token)).not.toBeNull();
    const { cookie } = await signIn("chg@example.org", "a sturdy phrase of words");
    const changed = await auth(
      "POST",
      "/change-password",
      { currentPassword: "a sturdy phrase of words", newPassword: "lantern oboe tram river" },
      cookie,
    );
    expect(changed.status).toBe(200);
    expect(await accountOfToken(token)).toBeNull();
    expect((await listApiTokens(user.id))[0]!.revokedAt).not.toBeNull();
  });
});

describe("disabling an account", () => {
  it("ends its sessions and tokens at once and refuses its sign-in; its versions keep their author; enabling lets it back", async () => {
    const admin = await createUser({ email: "adm@example.org", name: "Ad Min", role: "admin", password: "a sturdy phrase of words" });
    const user = await createUser({ email: "gone@example.org", name: "Gus Gone", role: "admin", password: "a sturdy phrase of words" });
    const db = getDb();
    const { id: versionId } = await db.selectFrom("PositionVersion").select("id").orderBy("id").limit(1).executeTakeFirstOrThrow();
    await db.updateTable("PositionVersion").set({ authorId: user.id }).where("id", "=", versionId).execute();
    const { token } = await createApiToken(user.id, "script");
    const { cookie } = await signIn("gone@example.org", "a sturdy phrase of words");
    expect(((await (await auth("GET", "/get-session", undefined, cookie)).json()) as { user?: unknown } | null)?.user).toBeDefined();

    await expect(setAccountDisabled(admin.id, true, admin.id)).rejects.toThrow("your own account");
    expect(await setAccountDisabled(user.id, true, admin.id)).toBe(true);
    expect(await (await auth("GET", "/get-session", undefined, cookie)).json()).toBeNull();
    expect(await accountOfToken(token)).toBeNull();
    expect((await signIn("gone@example.org", "a sturdy phrase of words")).status).toBe(403);
    expect((await db.selectFrom("PositionVersion").select("authorId").where("id", "=", versionId).executeTakeFirst())?.authorId).toBe(
      user.id,
    );

    expect(await setAccountDisabled(user.id, false, admin.id)).toBe(true);
    expect((await signIn("gone@example.org", "a sturdy phrase of words")).status).toBe(200);
  });
});

describe("an invited user", () => {
  it("must choose their own password before editing; the change clears the flag", async () => {
    await createUser({
      email: "new@example.org",
      name: "Nell New",
      role: "admin",
      password: "the invitation words",
      mustChangePassword: true,
    });
    const first = await signIn("new@example.org", "the invitation words");
    expect(first.body?.user.mustChangePassword).toBe(true);
    const account = {
      id: String(first.body!.user.id),
      name: "Nell New",
      email: "new@example.org",
      role: "admin" as const,
      mustChangePassword: true,
    };
    expect(await checkEditRight(account, 1)).toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("Choose your own password"),
    });
    const changed = await auth(
      "POST",
      "/change-password",
      { currentPassword: "the invitation words", newPassword: "my own private phrase" },
      first.cookie,
    );
    expect(changed.status).toBe(200);
    expect((await userByEmail("new@example.org"))?.mustChangePassword).toBe(0);
    expect((await signIn("new@example.org", "my own private phrase")).body?.user.mustChangePassword).toBe(false);
  });
});

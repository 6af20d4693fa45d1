// Accounts and rights on a real database: who may edit which negotiation, what an administrator can
// change, and API tokens that are stored hashed, shown once and can be revoked.
import { describe, expect, it } from "vitest";
import { createUser, setNegotiations } from "@/lib/auth/accounts";
import { checkEditRight, mayEditSlug } from "@/lib/auth/permissions";
import { accountOfToken, createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/tokens";
import { allRows, negotiationIdOf } from "@/tests/support/db";

const SLUG = "ukraine-peace-2025";

describe("rights", () => {
  it("an administrator may edit every negotiation; an editor only those given to them", async () => {
    const admin = await createUser({ email: "a@example.org", name: "A", role: "admin", password: "admin password 1" });
    const editor = await createUser({ email: "e@example.org", name: "E", role: "editor", password: "editor password 1" });
    const id = await negotiationIdOf(SLUG);
    expect(await checkEditRight(admin, id)).toBeNull();
    expect(await checkEditRight(editor, id)).toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("an administrator can give it to you"),
    });
    expect(await checkEditRight(null, id)).toMatchObject({ code: "unauthenticated" });
    await setNegotiations(editor.id, [SLUG]);
    expect(await mayEditSlug(editor, SLUG)).toBe(true);
    await expect(setNegotiations(editor.id, ["no-such-talks"])).rejects.toThrow("There is no negotiation called “no-such-talks”.");
    expect(await mayEditSlug(editor, SLUG)).toBe(true); // the failed change changed nothing
    await setNegotiations(editor.id, []);
    expect(await mayEditSlug(editor, SLUG)).toBe(false);
    expect(await mayEditSlug(admin, "no-such-talks")).toBe(false);
  });

  it("refuses a second account with the same email, in any case, and a short password", async () => {
    await expect(createUser({ email: "A@Example.org", name: "Again", role: "editor", password: "another password" })).rejects.toThrow(
      "already exists",
    );
    await expect(createUser({ email: "short@example.org", name: "S", role: "editor", password: "short" })).rejects.toThrow();
    expect((await allRows("User")).filter((u) => u.email.startsWith("short"))).toEqual([]);
  });
});

describe("API tokens", () => {
  it("are stored only as a hash, name their account, and stop working when revoked", async () => {
    const user = await createUser({ email: "t@example.org", name: "T", role: "editor", password: "token password 1" });
    const { token, id } = await createApiToken(user.id, "script");
    expect(token).toMatch(/^npd_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await allRows("ApiToken"))).not.toContain(token.slice(4));
    expect(await accountOfToken(token)).toMatchObject({ id: user.id, role: "editor" });
    expect((await listApiTokens(user.id))[0]).toMatchObject({ name: "script", revokedAt: null, lastUsedAt: expect.any(String) });
    expect(await accountOfToken(`${token}x`)).toBeNull();
    expect(await revokeApiToken("someone-else", id)).toBe(false);
    expect(await revokeApiToken(user.id, id)).toBe(true);
    expect(await accountOfToken(token)).toBeNull();
  });
});

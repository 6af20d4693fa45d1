// Accounts and rights on a real database: who may edit which negotiation, what an administrator can
// change, and API tokens that are stored hashed, shown once and can be revoked.
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";
import {
  accountOfToken,
  createApiToken,
  createUser,
  listApiTokens,
  mayEdit,
  mayEditSlug,
  revokeApiToken,
  setNegotiations,
} from "@/lib/queries/accounts";

const SLUG = "ukraine-peace-2025";
const negotiationId = () => getDatabase().prepare(`SELECT "id" FROM "Negotiation" WHERE "slug" = ?`).pluck().get(SLUG) as number;

describe("rights", () => {
  it("an administrator may edit every negotiation; an editor only those given to them", async () => {
    const admin = await createUser({ email: "a@example.org", name: "A", role: "admin", password: "admin password 1" });
    const editor = await createUser({ email: "e@example.org", name: "E", role: "editor", password: "editor password 1" });
    expect(mayEdit(admin, negotiationId())).toBe(true);
    expect(mayEdit(editor, negotiationId())).toBe(false);
    expect(mayEdit(null, negotiationId())).toBe(false);
    setNegotiations(editor.id, [SLUG]);
    expect(mayEditSlug(editor, SLUG)).toBe(true);
    expect(() => setNegotiations(editor.id, ["no-such-talks"])).toThrow("There is no negotiation called “no-such-talks”.");
    expect(mayEditSlug(editor, SLUG)).toBe(true); // the failed change changed nothing
    setNegotiations(editor.id, []);
    expect(mayEditSlug(editor, SLUG)).toBe(false);
    expect(mayEditSlug(admin, "no-such-talks")).toBe(false);
  });

  it("refuses a second account with the same email, in any case, and a short password", async () => {
    await expect(createUser({ email: "A@Example.org", name: "Again", role: "editor", password: "another password" })).rejects.toThrow(
      "already exists",
    );
    await expect(createUser({ email: "short@example.org", name: "S", role: "editor", password: "short" })).rejects.toThrow();
    expect(getDatabase().prepare(`SELECT COUNT(*) FROM "User" WHERE "email" LIKE 'short%'`).pluck().get()).toBe(0);
  });
});

describe("API tokens", () => {
  it("are stored only as a hash, name their account, and stop working when revoked", async () => {
    const user = await createUser({ email: "t@example.org", name: "T", role: "editor", password: "token password 1" });
    const { token, id } = createApiToken(user.id, "script");
    expect(token).toMatch(/^npd_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(getDatabase().prepare(`SELECT * FROM "ApiToken"`).all())).not.toContain(token.slice(4));
    expect(accountOfToken(token)).toMatchObject({ id: user.id, role: "editor" });
    expect(listApiTokens(user.id)[0]).toMatchObject({ name: "script", revokedAt: null, lastUsedAt: expect.any(String) });
    expect(accountOfToken(`${token}x`)).toBeNull();
    expect(revokeApiToken("someone-else", id)).toBe(false);
    expect(revokeApiToken(user.id, id)).toBe(true);
    expect(accountOfToken(token)).toBeNull();
  });
});

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { getAuth, ROLES, type TRole } from "../auth";
import { getDatabase } from "../db";

export type TAccount = { id: string; name: string; email: string; role: TRole };

export const ZNewUser = z.object({
  email: z.email("an email address is required").max(200),
  name: z.string().trim().min(1, "a display name is required").max(100, "at most 100 characters"),
  role: z.enum(ROLES, "the role is editor or admin"),
  password: z.string().min(12, "a password has at least 12 characters").max(128, "a password has at most 128 characters"),
  negotiations: z.array(z.string()).default([]),
});
export type TNewUser = z.input<typeof ZNewUser>;

/** A random password of 24 characters, for a user created without one (shown once). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * Creates a user with a password (hashed by Better Auth's default, scrypt) and gives them the named
 * negotiations. Everything is checked before anything is written: an unknown negotiation or an
 * email already in use changes nothing.
 */
export async function createUser(raw: TNewUser): Promise<TAccount> {
  const input = ZNewUser.parse(raw);
  const db = getDatabase();
  const email = input.email.toLowerCase();
  if (db.prepare(`SELECT 1 FROM "User" WHERE "email" = ?`).get(email)) throw new Error(`A user with the email ${email} already exists.`);
  const negotiationIds = negotiationIdsOf(input.negotiations);
  const context = await getAuth().$context;
  const hash = await context.password.hash(input.password);
  const user = await context.internalAdapter.createUser(
    { email, name: input.name, role: input.role, emailVerified: true },
    { method: "admin" },
  );
  await context.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
  grantNegotiations(user.id, negotiationIds);
  return { id: user.id, name: input.name, email, role: input.role };
}

/** The ids of negotiations named by slug; an unknown slug is an error that names it. */
function negotiationIdsOf(slugs: readonly string[]): number[] {
  const idOf = getDatabase().prepare(`SELECT "id" FROM "Negotiation" WHERE "slug" = ?`).pluck();
  return slugs.map((slug) => {
    const id = idOf.get(slug) as number | undefined;
    if (id === undefined) throw new Error(`There is no negotiation called “${slug}”.`);
    return id;
  });
}

/** Gives a user the negotiations with these ids (already given ones are kept). */
export function grantNegotiations(userId: string, negotiationIds: readonly number[]): void {
  const db = getDatabase();
  const grant = db.prepare(`INSERT OR IGNORE INTO "NegotiationEditor" ("userId", "negotiationId") VALUES (?, ?)`);
  db.transaction(() => negotiationIds.forEach((id) => grant.run(userId, id)))();
}

/** Sets the negotiations an editor may edit to exactly these (by slug; unknown slugs are an error, and nothing changes). */
export function setNegotiations(userId: string, slugs: readonly string[]): void {
  const db = getDatabase();
  db.transaction(() => {
    if (!db.prepare(`SELECT 1 FROM "User" WHERE "id" = ?`).get(userId)) throw new Error("There is no such user.");
    const ids = negotiationIdsOf(slugs);
    db.prepare(`DELETE FROM "NegotiationEditor" WHERE "userId" = ?`).run(userId);
    const grant = db.prepare(`INSERT OR IGNORE INTO "NegotiationEditor" ("userId", "negotiationId") VALUES (?, ?)`);
    for (const id of ids) grant.run(userId, id);
  })();
}

/** Whether a user may edit a negotiation: an admin may edit all, an editor those given to them. */
export function mayEdit(account: TAccount | null, negotiationId: number): boolean {
  if (account === null) return false;
  if (account.role === "admin") return true;
  return (
    getDatabase().prepare(`SELECT 1 FROM "NegotiationEditor" WHERE "userId" = ? AND "negotiationId" = ?`).get(account.id, negotiationId) !==
    undefined
  );
}

/** Whether a user may edit the negotiation with this slug. */
export function mayEditSlug(account: TAccount | null, slug: string): boolean {
  const id = getDatabase().prepare(`SELECT "id" FROM "Negotiation" WHERE "slug" = ?`).pluck().get(slug) as number | undefined;
  return id !== undefined && mayEdit(account, id);
}

export type TUserRow = TAccount & { negotiations: string[] };

/** Every user with the negotiations given to them, for the admins' page. */
export function listUsers(): TUserRow[] {
  const db = getDatabase();
  const rows = db.prepare(`SELECT "id", "name", "email", "role" FROM "User" ORDER BY "name", "email"`).all() as TAccount[];
  const grants = db
    .prepare(`SELECT g."userId", n."slug" FROM "NegotiationEditor" g JOIN "Negotiation" n ON n."id" = g."negotiationId" ORDER BY n."slug"`)
    .all() as { userId: string; slug: string }[];
  return rows.map((u) => ({ ...u, negotiations: grants.filter((g) => g.userId === u.id).map((g) => g.slug) }));
}

// Personal API tokens: 32 random bytes, prefixed so that a leaked one is recognisable; only a
// SHA-256 hash is stored (a token has 256 bits of entropy, so a slow hash adds nothing).
const TOKEN_PREFIX = "npd_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export type TApiToken = { id: number; name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** Creates a token for a user and returns it: the only time it is ever shown. */
export function createApiToken(userId: string, name: string): { token: string; id: number } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const id = getDatabase()
    .prepare(`INSERT INTO "ApiToken" ("userId", "name", "hash", "createdAt") VALUES (?, ?, ?, ?)`)
    .run(userId, name, hashToken(token), new Date().toISOString()).lastInsertRowid;
  return { token, id: Number(id) };
}

export function listApiTokens(userId: string): TApiToken[] {
  return getDatabase()
    .prepare(`SELECT "id", "name", "createdAt", "lastUsedAt", "revokedAt" FROM "ApiToken" WHERE "userId" = ? ORDER BY "id" DESC`)
    .all(userId) as TApiToken[];
}

/** Revokes one of a user's own tokens; false when it is not theirs or already revoked. */
export function revokeApiToken(userId: string, tokenId: number): boolean {
  return (
    getDatabase()
      .prepare(`UPDATE "ApiToken" SET "revokedAt" = ? WHERE "id" = ? AND "userId" = ? AND "revokedAt" IS NULL`)
      .run(new Date().toISOString(), tokenId, userId).changes === 1
  );
}

/** The account a bearer token belongs to, or null for an unknown or revoked token. */
export function accountOfToken(token: string): TAccount | null {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const db = getDatabase();
  const row = db
    .prepare(
      `SELECT t."id" AS "tokenId", u."id", u."name", u."email", u."role" FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
       WHERE t."hash" = ? AND t."revokedAt" IS NULL`,
    )
    .get(hashToken(token)) as (TAccount & { tokenId: number }) | undefined;
  if (!row) return null;
  db.prepare(`UPDATE "ApiToken" SET "lastUsedAt" = ? WHERE "id" = ?`).run(new Date().toISOString(), row.tokenId);
  const { tokenId: _, ...account } = row;
  return account;
}

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb, type TDb } from "../db/connection";
import { toAccount, type TAccount } from "./account";

// Personal API tokens: 32 random bytes, prefixed so that a leaked one is recognisable; only a
// SHA-256 hash is stored (a token has 256 bits of entropy, so a slow hash adds nothing).
const TOKEN_PREFIX = "npd_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export type TApiToken = {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
};

/** How long a token lasts, in days: the choices offered, and the default. */
export const TOKEN_LIFETIMES = [30, 90, 365] as const;
export const DEFAULT_TOKEN_DAYS = 90;

/** Creates a token for a user, valid for `days`, and returns it: the only time it is ever shown. */
export async function createApiToken(
  userId: string,
  name: string,
  days: number = DEFAULT_TOKEN_DAYS,
  now = new Date(),
): Promise<{ token: string; id: number }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  const { id } = await getDb()
    .insertInto("ApiToken")
    .values({ userId, name, hash: hashToken(token), createdAt: now.toISOString(), expiresAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { token, id };
}

export function listApiTokens(userId: string): Promise<TApiToken[]> {
  return getDb()
    .selectFrom("ApiToken")
    .select(["id", "name", "createdAt", "lastUsedAt", "revokedAt", "expiresAt"])
    .where("userId", "=", userId)
    .orderBy("id", "desc")
    .execute();
}

/** Revokes every live token of a user (after a password change, or when the account is disabled), in the caller's transaction. */
export async function revokeAllApiTokens(db: TDb, userId: string, now = new Date()): Promise<number> {
  const result = await db
    .updateTable("ApiToken")
    .set({ revokedAt: now.toISOString() })
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes one of a user's own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(userId: string, tokenId: number): Promise<boolean> {
  const result = await getDb()
    .updateTable("ApiToken")
    .set({ revokedAt: new Date().toISOString() })
    .where("id", "=", tokenId)
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The account a bearer token belongs to, or null for an unknown, revoked or expired token, or a disabled account. */
export async function accountOfToken(token: string, now = new Date()): Promise<TAccount | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const db = getDb();
  const row = await db
    .selectFrom("ApiToken as t")
    .innerJoin("User as u", "u.id", "t.userId")
    .select(["t.id as tokenId", "u.id", "u.name", "u.email", "u.role", "u.mustChangePassword"])
    .where("t.hash", "=", hashToken(token))
    .where("t.revokedAt", "is", null)
    .where((eb) => eb.or([eb("t.expiresAt", "is", null), eb("t.expiresAt", ">", now.toISOString())]))
    .where("u.disabledAt", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  await db.updateTable("ApiToken").set({ lastUsedAt: now.toISOString() }).where("id", "=", row.tokenId).execute();
  return toAccount(row);
}

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { getAuth } from "../auth";
import { ROLES, type TRole } from "../auth-constants";
import { getDatabase } from "../db";
import { checkDisplayName, foldDisplayName } from "../display-name";
import { checkPassword } from "../password-policy";

export type TAccount = {
  id: string;
  name: string;
  email: string;
  role: TRole;
  /** An invited user who has not yet chosen their own password: they may do nothing else until they have. */
  mustChangePassword: boolean;
};

export const ZNewUser = z
  .object({
    email: z.email("an email address is required").max(200),
    name: z
      .string()
      .trim()
      .superRefine((name, ctx) => {
        const problem = checkDisplayName(name);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    role: z.enum(ROLES, "the role is editor or admin"),
    password: z.string(),
    negotiations: z.array(z.string()).default([]),
    /** Set for an invitation: the user must choose their own password at first sign-in. */
    mustChangePassword: z.boolean().default(false),
  })
  .superRefine((user, ctx) => {
    const problem = checkPassword(user.password, user);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
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
  if (isDisplayNameTaken(input.name)) throw new Error(`Another user is already called “${input.name}”.`);
  const negotiationIds = negotiationIdsOf(input.negotiations);
  const context = await getAuth().$context;
  const hash = await context.password.hash(input.password);
  const user = await context.internalAdapter.createUser(
    { email, name: input.name, role: input.role, emailVerified: true, mustChangePassword: input.mustChangePassword },
    { method: "admin" },
  );
  await context.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
  grantNegotiations(user.id, negotiationIds);
  return { id: user.id, name: input.name, email, role: input.role, mustChangePassword: input.mustChangePassword };
}

/** Whether another user (not `exceptUserId`) has this display name, compared case- and width-insensitively. */
export function isDisplayNameTaken(name: string, exceptUserId: string | null = null): boolean {
  const folded = foldDisplayName(name);
  const names = getDatabase().prepare(`SELECT "id", "name" FROM "User"`).all() as { id: string; name: string }[];
  return names.some((u) => u.id !== exceptUserId && foldDisplayName(u.name) === folded);
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
  if (account === null || account.mustChangePassword) return false;
  if (account.role === "admin") return true;
  return (
    getDatabase().prepare(`SELECT 1 FROM "NegotiationEditor" WHERE "userId" = ? AND "negotiationId" = ?`).get(account.id, negotiationId) !==
    undefined
  );
}

export type TEditRefusal = { status: 401 | 403; message: string };

/** Why an account may not edit a negotiation (401: no account; 403: no rights, or an invited user's password still to choose), or null. */
export function checkEditRight(account: TAccount | null, negotiation: { id: number; title: string }): TEditRefusal | null {
  if (account === null) return { status: 401, message: "Sign in to edit." };
  if (account.mustChangePassword)
    return {
      status: 403,
      message: "Choose your own password first, on your account page: your administrator saw the one you signed in with.",
    };
  if (!mayEdit(account, negotiation.id))
    return { status: 403, message: `You have not been given “${negotiation.title}” to edit; an administrator can give it to you.` };
  return null;
}

/** Whether a user may edit the negotiation with this slug. */
export function mayEditSlug(account: TAccount | null, slug: string): boolean {
  const id = getDatabase().prepare(`SELECT "id" FROM "Negotiation" WHERE "slug" = ?`).pluck().get(slug) as number | undefined;
  return id !== undefined && mayEdit(account, id);
}

export type TUserRow = TAccount & { negotiations: string[]; disabledAt: string | null };

/** Every user with the negotiations given to them, for the admins' page. */
export function listUsers(): TUserRow[] {
  const db = getDatabase();
  const rows = (
    db
      .prepare(`SELECT "id", "name", "email", "role", "mustChangePassword", "disabledAt" FROM "User" ORDER BY "name", "email"`)
      .all() as (Omit<TAccount, "mustChangePassword"> & { mustChangePassword: number; disabledAt: string | null })[]
  ).map((u) => ({ ...u, mustChangePassword: u.mustChangePassword === 1 }));
  const grants = db
    .prepare(`SELECT g."userId", n."slug" FROM "NegotiationEditor" g JOIN "Negotiation" n ON n."id" = g."negotiationId" ORDER BY n."slug"`)
    .all() as { userId: string; slug: string }[];
  return rows.map((u) => ({ ...u, negotiations: grants.filter((g) => g.userId === u.id).map((g) => g.slug) }));
}

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
export function createApiToken(
  userId: string,
  name: string,
  days: number = DEFAULT_TOKEN_DAYS,
  now = new Date(),
): { token: string; id: number } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  const id = getDatabase()
    .prepare(`INSERT INTO "ApiToken" ("userId", "name", "hash", "createdAt", "expiresAt") VALUES (?, ?, ?, ?, ?)`)
    .run(userId, name, hashToken(token), now.toISOString(), expiresAt).lastInsertRowid;
  return { token, id: Number(id) };
}

export function listApiTokens(userId: string): TApiToken[] {
  return getDatabase()
    .prepare(
      `SELECT "id", "name", "createdAt", "lastUsedAt", "revokedAt", "expiresAt" FROM "ApiToken" WHERE "userId" = ? ORDER BY "id" DESC`,
    )
    .all(userId) as TApiToken[];
}

/** Revokes every live token of a user (after a password change, or when the account is disabled). */
export function revokeAllApiTokens(userId: string, now = new Date()): number {
  return getDatabase()
    .prepare(`UPDATE "ApiToken" SET "revokedAt" = ? WHERE "userId" = ? AND "revokedAt" IS NULL`)
    .run(now.toISOString(), userId).changes;
}

/** Revokes one of a user's own tokens; false when it is not theirs or already revoked. */
export function revokeApiToken(userId: string, tokenId: number): boolean {
  return (
    getDatabase()
      .prepare(`UPDATE "ApiToken" SET "revokedAt" = ? WHERE "id" = ? AND "userId" = ? AND "revokedAt" IS NULL`)
      .run(new Date().toISOString(), tokenId, userId).changes === 1
  );
}

/** The account a bearer token belongs to, or null for an unknown, revoked or expired token, or a disabled account. */
export function accountOfToken(token: string, now = new Date()): TAccount | null {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const db = getDatabase();
  const row = db
    .prepare(
      `SELECT t."id" AS "tokenId", u."id", u."name", u."email", u."role", u."mustChangePassword" FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
       WHERE t."hash" = ? AND t."revokedAt" IS NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > ?) AND u."disabledAt" IS NULL`,
    )
    .get(hashToken(token), now.toISOString()) as
    (Omit<TAccount, "mustChangePassword"> & { tokenId: number; mustChangePassword: number }) | undefined;
  if (!row) return null;
  db.prepare(`UPDATE "ApiToken" SET "lastUsedAt" = ? WHERE "id" = ?`).run(now.toISOString(), row.tokenId);
  const { tokenId: _, mustChangePassword, ...account } = row;
  return { ...account, mustChangePassword: mustChangePassword === 1 };
}

/**
 * Disables an account (or enables it again): a disabled account cannot sign in, its sessions are
 * ended and its tokens revoked at once; its versions keep their author. An administrator cannot
 * disable their own account. Returns false for an unknown user.
 */
export function setAccountDisabled(userId: string, disabled: boolean, byUserId: string, now = new Date()): boolean {
  if (disabled && userId === byUserId) throw new Error("You cannot disable your own account.");
  const db = getDatabase();
  return db.transaction(() => {
    const changed = db
      .prepare(`UPDATE "User" SET "disabledAt" = ? WHERE "id" = ?`)
      .run(disabled ? now.toISOString() : null, userId).changes;
    if (changed === 0) return false;
    if (disabled) {
      db.prepare(`DELETE FROM "Session" WHERE "userId" = ?`).run(userId);
      revokeAllApiTokens(userId, now);
    }
    return true;
  })();
}

/** Whether an account is disabled (a missing account counts as disabled). */
export function isAccountDisabled(userId: string): boolean {
  const row = getDatabase().prepare(`SELECT "disabledAt" FROM "User" WHERE "id" = ?`).get(userId) as
    { disabledAt: string | null } | undefined;
  return row === undefined || row.disabledAt !== null;
}

/** After a user chose their own password: their tokens are revoked (a leaked password may have made them) and the invitation's flag is cleared. */
export function onPasswordChanged(userId: string): void {
  const db = getDatabase();
  db.transaction(() => {
    revokeAllApiTokens(userId);
    db.prepare(`UPDATE "User" SET "mustChangePassword" = false WHERE "id" = ?`).run(userId);
  })();
}

// Sign-ins are limited per account as well as per address: failures are counted per email (in the
// database, so every instance shares the count) over a window, and a success clears them.

/** Failed sign-ins an account may have in the window before it is refused until they age out. */
export const SIGN_IN_FAILURES_PER_ACCOUNT = Math.max(1, Number(process.env.AUTH_SIGN_IN_FAILURES_PER_ACCOUNT) || 10);
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** How many failed sign-ins an email had in the window before `now`. */
export function countSignInFailures(email: string, now = new Date()): number {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  return getDatabase()
    .prepare(`SELECT COUNT(*) FROM "SignInFailure" WHERE "email" = ? AND "at" > ?`)
    .pluck()
    .get(email.toLowerCase(), since) as number;
}

/** Records a failed sign-in for an email (and drops failures older than the window). */
export function recordSignInFailure(email: string, now = new Date()): void {
  const db = getDatabase();
  db.transaction(() => {
    db.prepare(`DELETE FROM "SignInFailure" WHERE "at" <= ?`).run(new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString());
    db.prepare(`INSERT INTO "SignInFailure" ("email", "at") VALUES (?, ?)`).run(email.toLowerCase(), now.toISOString());
  })();
}

/** Clears an email's failed sign-ins after it signed in. */
export function clearSignInFailures(email: string): void {
  getDatabase().prepare(`DELETE FROM "SignInFailure" WHERE "email" = ?`).run(email.toLowerCase());
}

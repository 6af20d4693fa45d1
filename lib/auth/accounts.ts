import "server-only";
import { randomBytes } from "node:crypto";
import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { getDb, type TDb } from "../db/connection";
import { inTexts } from "../db/dialect";
import { readSnapshot, writeTransaction } from "../db/transactions";
import { AppError, invalid, pathText } from "../domain/errors";
import type { TAccount } from "./account";
import { getSignUpAuth } from "./better-auth";
import { ROLES } from "./constants";
import { checkDisplayName, foldDisplayName } from "./display-name";
import { checkPassword } from "./password-policy";
import { revokeAllApiTokens } from "./tokens";

// Users: created by an administrator (the admin page or `npm run user:create`), given negotiations
// to edit, disabled and enabled. Signing in, sessions and passwords are Better Auth's.

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

/** The ids of negotiations named by slug; an unknown slug is a `not_found` error that names it. */
async function negotiationIdsOf(db: TDb, slugs: readonly string[]): Promise<number[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .selectFrom("Negotiation")
    .select(["id", "slug"])
    .where((eb) => inTexts(eb.ref("slug"), slugs))
    .execute();
  const idOf = new Map(rows.map((r) => [r.slug, r.id]));
  return slugs.map((slug) => {
    const id = idOf.get(slug);
    if (id === undefined) throw new AppError("not_found", `There is no negotiation called “${slug}”.`);
    return id;
  });
}

/**
 * Creates a user through Better Auth's own sign-up (its password hashing, its account records),
 * then gives them the named negotiations. Everything that can be checked is checked before
 * anything is written: an invalid field, an unknown negotiation or an email already in use
 * changes nothing.
 */
export async function createUser(raw: TNewUser): Promise<TAccount> {
  const parsed = ZNewUser.safeParse(raw);
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.map((i) => ({ path: pathText(i.path), message: i.message })),
      "The user",
    );
  const input = parsed.data;
  const email = input.email.toLowerCase();
  const negotiationIds = await readSnapshot(async (db) => {
    if (await db.selectFrom("User").select("id").where("email", "=", email).executeTakeFirst())
      throw new AppError("exists", `A user with the email ${email} already exists.`);
    if (await isDisplayNameTaken(db, input.name)) throw new AppError("exists", `Another user is already called “${input.name}”.`);
    return negotiationIdsOf(db, input.negotiations);
  });
  const created = await getSignUpAuth()
    .api.signUpEmail({
      body: { email, password: input.password, name: input.name, role: input.role, mustChangePassword: input.mustChangePassword },
    })
    .catch((error: unknown) => {
      // Better Auth's own refusal (a name or an email taken meanwhile), in its words.
      if (isAPIError(error)) throw new AppError(error.statusCode === 422 ? "exists" : "invalid", error.message);
      throw error;
    });
  const { user } = created;
  await grantNegotiations(user.id, negotiationIds);
  return { id: user.id, name: input.name, email, role: input.role, mustChangePassword: input.mustChangePassword };
}

/** Whether another user (not `exceptUserId`) has this display name, compared case- and width-insensitively. */
export async function isDisplayNameTaken(db: TDb, name: string, exceptUserId: string | null = null): Promise<boolean> {
  const folded = foldDisplayName(name);
  const names = await db.selectFrom("User").select(["id", "name"]).execute();
  return names.some((u) => u.id !== exceptUserId && foldDisplayName(u.name) === folded);
}

/** Gives a user the negotiations with these ids (already given ones are kept). */
export async function grantNegotiations(userId: string, negotiationIds: readonly number[]): Promise<void> {
  if (negotiationIds.length === 0) return;
  await getDb()
    .insertInto("NegotiationEditor")
    .values(negotiationIds.map((negotiationId) => ({ userId, negotiationId })))
    .onConflict((oc) => oc.columns(["userId", "negotiationId"]).doNothing())
    .execute();
}

/** Sets the negotiations an editor may edit to exactly these (by slug; an unknown slug is an error, and nothing changes). */
export async function setNegotiations(userId: string, slugs: readonly string[]): Promise<void> {
  await writeTransaction(async (db) => {
    if (!(await db.selectFrom("User").select("id").where("id", "=", userId).executeTakeFirst()))
      throw new AppError("not_found", "There is no such user.");
    const ids = await negotiationIdsOf(db, slugs);
    await db.deleteFrom("NegotiationEditor").where("userId", "=", userId).execute();
    if (ids.length > 0)
      await db
        .insertInto("NegotiationEditor")
        .values(ids.map((negotiationId) => ({ userId, negotiationId })))
        .onConflict((oc) => oc.columns(["userId", "negotiationId"]).doNothing())
        .execute();
  });
}

export type TUserRow = TAccount & { negotiations: string[]; disabledAt: string | null };

/** Every user with the negotiations given to them, for the admins' page. */
export function listUsers(): Promise<TUserRow[]> {
  return readSnapshot(async (db) => {
    const users = await db
      .selectFrom("User")
      .select(["id", "name", "email", "role", "mustChangePassword", "disabledAt"])
      .orderBy("name")
      .orderBy("email")
      .execute();
    const grants = await db
      .selectFrom("NegotiationEditor as g")
      .innerJoin("Negotiation as n", "n.id", "g.negotiationId")
      .select(["g.userId", "n.slug"])
      .orderBy("n.slug")
      .execute();
    return users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: ROLES.find((r) => r === u.role) ?? "editor",
      mustChangePassword: u.mustChangePassword === 1,
      disabledAt: u.disabledAt,
      negotiations: grants.filter((g) => g.userId === u.id).map((g) => g.slug),
    }));
  });
}

/**
 * Disables an account (or enables it again): a disabled account cannot sign in, its sessions are
 * ended and its tokens revoked at once; its versions keep their author. An administrator cannot
 * disable their own account. Returns false for an unknown user.
 */
export async function setAccountDisabled(userId: string, disabled: boolean, byUserId: string, now = new Date()): Promise<boolean> {
  if (disabled && userId === byUserId) throw new AppError("invalid", "You cannot disable your own account.");
  return writeTransaction(async (db) => {
    const result = await db
      .updateTable("User")
      .set({ disabledAt: disabled ? now.toISOString() : null })
      .where("id", "=", userId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    if (disabled) {
      await db.deleteFrom("Session").where("userId", "=", userId).execute();
      await revokeAllApiTokens(db, userId, now);
    }
    return true;
  });
}

/** Whether an account is disabled (a missing account counts as disabled). */
export async function isAccountDisabled(userId: string): Promise<boolean> {
  const row = await getDb().selectFrom("User").select("disabledAt").where("id", "=", userId).executeTakeFirst();
  return row === undefined || row.disabledAt !== null;
}

/** After a user chose their own password: their tokens are revoked (a leaked password may have made them) and the invitation's flag is cleared. */
export async function onPasswordChanged(userId: string): Promise<void> {
  await writeTransaction(async (db) => {
    await revokeAllApiTokens(db, userId);
    await db.updateTable("User").set({ mustChangePassword: 0 }).where("id", "=", userId).execute();
  });
}

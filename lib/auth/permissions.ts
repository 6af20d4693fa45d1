import "server-only";
import type { TDb } from "../db/connection";
import { readSnapshot } from "../db/transactions";
import { AppError } from "../domain/errors";
import type { TAuthor } from "../cells/edit";
import type { TAccount } from "./account";

// The one permission check: who may edit which negotiation. An administrator may edit every
// negotiation, an editor those given to them, and an invited user nothing until they have chosen
// their own password. Every write path (the editor, the write API, imports, the structure editor)
// asks here, inside its own write transaction; pages ask to decide which links to show.

/** Why an account may not edit a negotiation (`unauthenticated`: no account; `forbidden`: no rights), or null when it may. */
export async function editRefusal(db: TDb, account: TAccount | null, negotiationId: number): Promise<AppError | null> {
  if (account === null) return new AppError("unauthenticated", "Sign in to edit.");
  if (account.mustChangePassword)
    return new AppError(
      "forbidden",
      "Choose your own password first, on your account page: your administrator saw the one you signed in with.",
    );
  if (account.role === "admin") return null;
  const grant = await db
    .selectFrom("NegotiationEditor as g")
    .innerJoin("Negotiation as n", "n.id", "g.negotiationId")
    .select("n.id")
    .where("g.userId", "=", account.id)
    .where("g.negotiationId", "=", negotiationId)
    .executeTakeFirst();
  if (grant) return null;
  const negotiation = await db.selectFrom("Negotiation").select("title").where("id", "=", negotiationId).executeTakeFirst();
  return new AppError(
    "forbidden",
    negotiation
      ? `You have not been given “${negotiation.title}” to edit; an administrator can give it to you.`
      : "There is no such negotiation.",
  );
}

/** The account as the author of a write: the writers check its rights inside their transaction. */
export function authorOf(account: TAccount): TAuthor {
  return {
    id: account.id,
    assertMayEdit: async (db, negotiationId) => {
      const refusal = await editRefusal(db, account, negotiationId);
      if (refusal) throw refusal;
    },
  };
}

/** Whether an account may edit the negotiation with this slug (for the links a page shows). */
export async function mayEditSlug(account: TAccount | null, slug: string): Promise<boolean> {
  if (account === null) return false;
  return readSnapshot(async (db) => {
    const negotiation = await db.selectFrom("Negotiation").select("id").where("slug", "=", slug).executeTakeFirst();
    return negotiation !== undefined && (await editRefusal(db, account, negotiation.id)) === null;
  });
}

/** Administrators only (user management, new negotiations): `unauthenticated` or `forbidden` otherwise. */
export function assertAdmin(account: TAccount | null): asserts account is TAccount {
  if (account === null) throw new AppError("unauthenticated", "Sign in first.");
  if (account.role !== "admin" || account.mustChangePassword) throw new AppError("forbidden", "Only an administrator may do this.");
}

/** For a page: why the account may not edit the negotiation (its message to show), or null when it may. */
export function checkEditRight(account: TAccount | null, negotiationId: number): Promise<AppError | null> {
  return readSnapshot((db) => editRefusal(db, account, negotiationId));
}

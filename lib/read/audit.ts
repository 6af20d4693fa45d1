import "server-only";
import type { TDb } from "../db/connection";

/** A change to a negotiation's structure, as the log lists it: who, when, why, what, before and after. */
export type TAuditEntry = {
  id: number;
  at: string;
  author: string | null;
  reason: string;
  action: string;
  target: string;
  detail: { before?: Record<string, unknown>; after?: Record<string, unknown> };
};

/** The newest structure changes of a negotiation, for its log. */
export async function readAuditEntries(db: TDb, negotiationId: number, limit = 100): Promise<TAuditEntry[]> {
  const rows = await db
    .selectFrom("AuditEntry as a")
    .leftJoin("User as u", "u.id", "a.userId")
    .select(["a.id", "a.at", "u.name as author", "a.reason", "a.action", "a.target", "a.detail"])
    .where("a.negotiationId", "=", negotiationId)
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as TAuditEntry["detail"] }));
}

import "server-only";
import { readSnapshot } from "../db/transactions";
import { findNegotiation, listParties, selectIssues } from "./rows";

/** The structure editor lists at most this many issues. */
export const STRUCTURE_ISSUES = 500;

/** A negotiation's issues and parties in their order, for the structure editor (one snapshot); null when there is none. */
export function getStructureView(slug: string) {
  return readSnapshot(async (db) => {
    const negotiation = await findNegotiation(db, slug);
    if (!negotiation) return null;
    const issueIds = await db
      .selectFrom("Issue")
      .select("id")
      .where("negotiationId", "=", negotiation.id)
      .orderBy("sortOrder")
      .limit(STRUCTURE_ISSUES)
      .execute();
    const issues = await selectIssues(
      db,
      issueIds.map((r) => r.id),
    );
    return { negotiation, issues, parties: await listParties(db, negotiation.id) };
  });
}

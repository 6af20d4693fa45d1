import "server-only";
import type { TNegotiationSummary } from "../domain/words";
import { readSnapshot } from "../db/transactions";

/**
 * Every negotiation with its counts (issues, parties, cells, cells scored today), by title, in one query. Every issue × party cell exists
 * exactly once (the write path refuses a dossier otherwise), so the cell count is their product.
 */
export function listNegotiations(): Promise<TNegotiationSummary[]> {
  return readSnapshot(async (db) => {
    const rows = await db
      .selectFrom("Negotiation as n")
      .select((eb) => [
        "n.slug",
        "n.title",
        "n.summary",
        "n.asOf",
        eb.selectFrom("Issue").select(eb.fn.countAll<number>().as("c")).whereRef("Issue.negotiationId", "=", "n.id").as("issueCount"),
        eb.selectFrom("Party").select(eb.fn.countAll<number>().as("c")).whereRef("Party.negotiationId", "=", "n.id").as("partyCount"),
        eb
          .selectFrom("Position as p")
          .innerJoin("Issue as i", "i.id", "p.issueId")
          .innerJoin("PositionVersion as v", "v.id", "p.versionId")
          .select(eb.fn.countAll<number>().as("c"))
          .whereRef("i.negotiationId", "=", "n.id")
          .where("v.score", "is not", null)
          .as("scoredCount"),
      ])
      .orderBy("n.title")
      .execute();
    return rows.map((row) => {
      const issueCount = Number(row.issueCount ?? 0);
      const partyCount = Number(row.partyCount ?? 0);
      return { ...row, issueCount, partyCount, positionCount: issueCount * partyCount, scoredCount: Number(row.scoredCount ?? 0) };
    });
  });
}

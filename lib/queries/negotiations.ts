import "server-only";
import type { TNegotiationSummary } from "../domain";
import { getPrisma } from "../db";

/**
 * Every negotiation with its counts, by title, in one query. Every issue × party cell exists
 * exactly once (the write path refuses a dossier otherwise), so the cell count is their product.
 */
export async function listNegotiations(): Promise<TNegotiationSummary[]> {
  const rows = await getPrisma().negotiation.findMany({
    orderBy: { title: "asc" },
    select: { slug: true, title: true, summary: true, asOf: true, _count: { select: { issues: true, parties: true } } },
  });
  return rows.map(({ _count, ...row }) => ({
    ...row,
    issueCount: _count.issues,
    partyCount: _count.parties,
    positionCount: _count.issues * _count.parties,
  }));
}

import { prisma } from "../db";
import { type TNegotiationInputRaw, ZNegotiationInput } from "../negotiation-input";

function sourceKey(s: { title: string; publisher: string; url: string | null; publishedAt: string | null }): string {
  return JSON.stringify([s.title, s.publisher, s.url, s.publishedAt]);
}

/**
 * The one write path: validates a whole negotiation and replaces any stored version of it in a
 * single transaction, so running it twice leaves the same data. Throws a ZodError on invalid input.
 */
export async function replaceNegotiation(raw: TNegotiationInputRaw): Promise<void> {
  const input = ZNegotiationInput.parse(raw);
  await prisma.$transaction(async (tx) => {
    await tx.negotiation.deleteMany({ where: { slug: input.slug } });
    const negotiation = await tx.negotiation.create({
      data: { slug: input.slug, title: input.title, summary: input.summary, asOf: input.asOf, scaleNote: input.scaleNote },
    });
    const issueIds = new Map<string, number>();
    for (const [sortOrder, issue] of input.issues.entries()) {
      const row = await tx.issue.create({ data: { ...issue, sortOrder, negotiationId: negotiation.id } });
      issueIds.set(issue.slug, row.id);
    }
    const partyIds = new Map<string, number>();
    for (const [sortOrder, party] of input.parties.entries()) {
      const row = await tx.party.create({ data: { ...party, sortOrder, negotiationId: negotiation.id } });
      partyIds.set(party.slug, row.id);
    }
    const sourceIds = new Map<string, number>();
    for (const { sources, issue, party, ...position } of input.positions) {
      const row = await tx.position.create({
        data: { ...position, issueId: issueIds.get(issue)!, partyId: partyIds.get(party)! },
      });
      for (const [sortOrder, source] of sources.entries()) {
        const key = sourceKey(source);
        let sourceId = sourceIds.get(key);
        if (sourceId === undefined) {
          sourceId = (await tx.source.create({ data: { ...source, negotiationId: negotiation.id } })).id;
          sourceIds.set(key, sourceId);
        }
        await tx.positionSource.create({ data: { positionId: row.id, sourceId, sortOrder } });
      }
    }
  });
}

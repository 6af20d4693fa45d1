import { cache } from "react";
import { prisma } from "../db";
import type { TNegotiation, TNegotiationSummary } from "../domain";
import { ZConfidence, ZPartyKind, ZStatus } from "../domain";

/** Every negotiation with its counts, by title. */
export async function listNegotiations(): Promise<TNegotiationSummary[]> {
  const rows = await prisma.negotiation.findMany({
    orderBy: { title: "asc" },
    include: { _count: { select: { issues: true, parties: true } } },
  });
  const positionCounts = await Promise.all(
    rows.map((row) => prisma.position.count({ where: { issue: { negotiationId: row.id } } })),
  );
  return rows.map((row, index) => ({
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    asOf: row.asOf,
    issueCount: row._count.issues,
    partyCount: row._count.parties,
    positionCount: positionCounts[index] ?? 0,
  }));
}

/**
 * One negotiation with all its issues, parties and positions (sources in citation order), or null
 * when no negotiation has that slug (cached per request: metadata and page share one read).
 * Filtering happens afterwards in pure code, so the page and
 * every export start from the same data.
 */
export const getNegotiation = cache(async function getNegotiation(slug: string): Promise<TNegotiation | null> {
  const row = await prisma.negotiation.findUnique({
    where: { slug },
    include: {
      issues: { orderBy: { sortOrder: "asc" } },
      parties: { orderBy: { sortOrder: "asc" } },
    },
  });
  if (!row) return null;
  const positions = await prisma.position.findMany({
    where: { issue: { negotiationId: row.id } },
    include: {
      issue: { select: { slug: true } },
      party: { select: { slug: true } },
      sources: { orderBy: { sortOrder: "asc" }, include: { source: true } },
    },
    orderBy: [{ issue: { sortOrder: "asc" } }, { party: { sortOrder: "asc" } }],
  });
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    asOf: row.asOf,
    scaleNote: row.scaleNote,
    issues: row.issues.map(({ slug, name, description, sortOrder, isCore, lowLabel, highLabel }) => ({
      slug, name, description, sortOrder, isCore, lowLabel, highLabel,
    })),
    parties: row.parties.map(({ slug, name, kind, date, description, sortOrder }) => ({
      slug, name, kind: ZPartyKind.parse(kind), date, description, sortOrder,
    })),
    positions: positions.map((p) => ({
      issue: p.issue.slug,
      party: p.party.slug,
      summary: p.summary,
      score: p.score,
      status: ZStatus.parse(p.status),
      confidence: ZConfidence.parse(p.confidence),
      asOf: p.asOf,
      quote: p.quote,
      notes: p.notes,
      sources: p.sources.map(({ source }) => ({
        title: source.title,
        publisher: source.publisher,
        url: source.url,
        publishedAt: source.publishedAt,
        isDateApproximate: source.isDateApproximate,
        note: source.note,
      })),
    })),
  };
});

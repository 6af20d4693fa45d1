import "server-only";
import { SOURCES_PER_PAGE } from "../params/urls";
import type { TNumberedSource } from "../cells/cell";
import { readNumbering, toSource } from "../cells/sources";
import type { TDb } from "../db/connection";
import { inIds } from "../db/dialect";
import { readSnapshot } from "../db/transactions";
import type { TNegotiationInfo } from "../domain/words";
import { toInfo } from "./matrix-view";
import { findNegotiation } from "./rows";

// A negotiation's numbered bibliography, and its dated events and facts with their sources.

export type TBibliographyView = {
  negotiation: TNegotiationInfo;
  sources: TNumberedSource[];
  page: number;
  pageCount: number;
  total: number;
};

/** One page of a negotiation's numbered bibliography; null when the negotiation does not exist. */
export function getBibliography(slug: string, page: number): Promise<TBibliographyView | null> {
  return readSnapshot(async (db): Promise<TBibliographyView | null> => {
    const negotiation = await findNegotiation(db, slug);
    if (!negotiation) return null;
    const counted = await db
      .selectFrom("Source")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("negotiationId", "=", negotiation.id)
      .executeTakeFirstOrThrow();
    const total = Number(counted.n);
    const pageCount = Math.max(1, Math.ceil(total / SOURCES_PER_PAGE));
    const current = Math.min(Math.max(1, page), pageCount);
    // A page's numbers continue the pages before it: the n-th source by id is number n.
    const first = (current - 1) * SOURCES_PER_PAGE;
    const rows = await db
      .selectFrom("Source")
      .selectAll()
      .where("negotiationId", "=", negotiation.id)
      .orderBy("id")
      .limit(SOURCES_PER_PAGE)
      .offset(first)
      .execute();
    const sources = rows.map((row, index) => ({ ...toSource(row), number: first + index + 1 }));
    return { negotiation: toInfo(negotiation), sources, page: current, pageCount, total };
  });
}

/** The timeline shows at most this many events. */
export const TIMELINE_EVENTS = 500;

export type TTimelineEvent = { slug: string | null; date: string; title: string; summary: string; sources: TNumberedSource[] };
/** A dated fact of the context, with how far it is verified. */
export type TFact = { date: string; title: string; summary: string; verification: string; sources: TNumberedSource[] };
export type TTimelineView = { negotiation: TNegotiationInfo; events: TTimelineEvent[]; total: number; facts: TFact[] };

/** The numbered sources of events or facts by their ids, each list in citation order. */
async function citationsOf(db: TDb, table: "EventSource" | "FactSource", ownerIds: number[], negotiationId: number) {
  const owner = table === "EventSource" ? "eventId" : "factId";
  const rows =
    ownerIds.length === 0
      ? []
      : await db
          .selectFrom(table)
          .select([`${owner} as ownerId`, "sourceId"])
          .where((eb) => inIds(eb.ref(owner), ownerIds))
          .orderBy(owner)
          .orderBy("sortOrder")
          .execute();
  const numberOf = await readNumbering(db, negotiationId);
  const byOwner = new Map<number, TNumberedSource[]>();
  const sources = await db
    .selectFrom("Source")
    .selectAll()
    .where((eb) => inIds(eb.ref("id"), [...new Set(rows.map((r) => r.sourceId))]))
    .execute();
  const byId = new Map(sources.map((s) => [s.id, { ...toSource(s), number: numberOf(s.id) }]));
  for (const { ownerId, sourceId } of rows) byOwner.set(ownerId, [...(byOwner.get(ownerId) ?? []), byId.get(sourceId)!]);
  return byOwner;
}

/** A negotiation's dated events in order, each with its numbered sources; null when the negotiation does not exist. */
export function getTimelineView(slug: string): Promise<TTimelineView | null> {
  return readSnapshot(async (db): Promise<TTimelineView | null> => {
    const negotiation = await findNegotiation(db, slug);
    if (!negotiation) return null;
    const counted = await db
      .selectFrom("Event")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("negotiationId", "=", negotiation.id)
      .executeTakeFirstOrThrow();
    const events = await db
      .selectFrom("Event")
      .select(["id", "slug", "date", "title", "summary"])
      .where("negotiationId", "=", negotiation.id)
      .orderBy("sortOrder")
      .limit(TIMELINE_EVENTS)
      .execute();
    const facts = await db
      .selectFrom("Fact")
      .select(["id", "date", "title", "summary", "verification"])
      .where("negotiationId", "=", negotiation.id)
      .orderBy("sortOrder")
      .limit(TIMELINE_EVENTS)
      .execute();
    const eventSources = await citationsOf(
      db,
      "EventSource",
      events.map((e) => e.id),
      negotiation.id,
    );
    const factSources = await citationsOf(
      db,
      "FactSource",
      facts.map((f) => f.id),
      negotiation.id,
    );
    return {
      negotiation: toInfo(negotiation),
      events: events.map(({ id, ...e }) => ({ ...e, sources: eventSources.get(id) ?? [] })),
      total: Number(counted.n),
      facts: facts.map(({ id, ...f }) => ({ ...f, sources: factSources.get(id) ?? [] })),
    };
  });
}

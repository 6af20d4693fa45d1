import "server-only";
import type Database from "better-sqlite3";
import { measureIssue, type TIssueDivergence } from "../divergence";
import type { TIssue, TParty, TPosition, TSource } from "../domain";
import type { TNegotiationInfo } from "../matrix";
import { getDatabase } from "../db";
import { findNegotiation, listParties, selectCells, selectIssues } from "./matrix-sql";
import { toInfo, toParty } from "./matrix-view";

// The permanent pages of a dossier: one per cell, issue and party, and its bibliography. Each reads
// in one transaction (one consistent state) and a bounded number of rows.

/** Sources per page of the bibliography; a source's number fixes its page. */
export const SOURCES_PER_PAGE = 500;
/** A party page lists at most this many of its positions (the matrix filtered to the party has all). */
export const PARTY_PAGE_ROWS = 200;

/** A source with its number in the negotiation's bibliography (1, 2, ... in the order first cited). */
export type TNumberedSource = TSource & { number: number };

type TSourceRow = Omit<TSource, "isDateApproximate" | "flags"> & { isDateApproximate: number; flags: string; number: number };

function toNumbered({ isDateApproximate, flags, ...row }: TSourceRow): TNumberedSource {
  return { ...row, isDateApproximate: isDateApproximate === 1, flags: JSON.parse(flags) as string[] };
}

const SOURCE_COLUMNS = `s."title", s."publisher", s."url", s."publishedAt", s."isDateApproximate", s."note", s."kind", s."relays", s."flags",
  (SELECT COUNT(*) FROM "Source" o WHERE o."negotiationId" = s."negotiationId" AND o."id" <= s."id") AS "number"`;

function findIssue(db: Database.Database, negotiationId: number, slug: string): (TIssue & { id: number }) | undefined {
  const id = db.prepare(`SELECT "id" FROM "Issue" WHERE "negotiationId" = ? AND "slug" = ?`).pluck().get(negotiationId, slug) as
    number | undefined;
  return id === undefined ? undefined : selectIssues(db, [id])[0];
}

/** The issues before and after one in dossier order (slug and name), for links to neighbours. */
function issueNeighbours(db: Database.Database, negotiationId: number, sortOrder: number) {
  const near = (op: "<" | ">", direction: "DESC" | "ASC") =>
    db
      .prepare(
        `SELECT "slug", "name" FROM "Issue" WHERE "negotiationId" = ? AND "sortOrder" ${op} ? ORDER BY "sortOrder" ${direction} LIMIT 1`,
      )
      .get(negotiationId, sortOrder) as { slug: string; name: string } | undefined;
  return { previous: near("<", "DESC") ?? null, next: near(">", "ASC") ?? null };
}

export type TCellView = {
  negotiation: TNegotiationInfo;
  issue: TIssue;
  party: TParty;
  position: Omit<TPosition, "sources"> | null;
  sources: TNumberedSource[];
  /** Neighbouring cells: the previous and next issue (same party), the previous and next party (same issue). */
  neighbours: {
    up: { slug: string; name: string } | null;
    down: { slug: string; name: string } | null;
    left: TParty | null;
    right: TParty | null;
  };
};

/** One cell with its numbered sources and neighbours; null when the negotiation, issue or party does not exist. */
export function getCellView(slug: string, issueSlug: string, partySlug: string): TCellView | null {
  const db = getDatabase();
  return db.transaction((): TCellView | null => {
    const negotiation = findNegotiation(db, slug);
    if (!negotiation) return null;
    const issue = findIssue(db, negotiation.id, issueSlug);
    const parties = listParties(db, negotiation.id);
    const column = parties.findIndex((p) => p.slug === partySlug);
    if (!issue || column < 0) return null;
    const party = parties[column]!;
    const [cell] = selectCells(db, [issue], [party])[0]!;
    const sources = (
      db
        .prepare(
          `SELECT ${SOURCE_COLUMNS} FROM "PositionSource" ps JOIN "Source" s ON s."id" = ps."sourceId"
           JOIN "Position" p ON p."id" = ps."positionId" WHERE p."issueId" = ? AND p."partyId" = ? ORDER BY ps."sortOrder"`,
        )
        .all(issue.id, party.id) as TSourceRow[]
    ).map(toNumbered);
    const { previous, next } = issueNeighbours(db, negotiation.id, issue.sortOrder);
    const { id: _, ...issueFields } = issue;
    const position = cell ? (({ sources: _s, ...rest }) => rest)(cell) : null;
    return {
      negotiation: toInfo(negotiation),
      issue: issueFields,
      party: toParty(party),
      position,
      sources,
      neighbours: {
        up: previous,
        down: next,
        left: column > 0 ? toParty(parties[column - 1]!) : null,
        right: column < parties.length - 1 ? toParty(parties[column + 1]!) : null,
      },
    };
  })();
}

export type TIssueView = {
  negotiation: TNegotiationInfo;
  issue: TIssue;
  /** Every party with its cell on this issue, in column order. */
  cells: { party: TParty; position: Omit<TPosition, "sources"> | null }[];
  divergence: TIssueDivergence;
  neighbours: { previous: { slug: string; name: string } | null; next: { slug: string; name: string } | null };
};

/** An issue with every party's position on it and its divergence; null when either does not exist. */
export function getIssueView(slug: string, issueSlug: string): TIssueView | null {
  const db = getDatabase();
  return db.transaction((): TIssueView | null => {
    const negotiation = findNegotiation(db, slug);
    if (!negotiation) return null;
    const issue = findIssue(db, negotiation.id, issueSlug);
    if (!issue) return null;
    const parties = listParties(db, negotiation.id);
    const row = selectCells(db, [issue], parties)[0]!;
    const { id: _, ...issueFields } = issue;
    return {
      negotiation: toInfo(negotiation),
      issue: issueFields,
      cells: parties.map((party, index) => ({ party: toParty(party), position: row[index] ?? null })),
      divergence: measureIssue(row.map((cell) => cell?.score ?? null)),
      neighbours: issueNeighbours(db, negotiation.id, issue.sortOrder),
    };
  })();
}

export type TPartyView = {
  negotiation: TNegotiationInfo;
  party: TParty;
  /** The party's positions in issue order: the first PARTY_PAGE_ROWS of them. */
  rows: { issue: TIssue; position: Omit<TPosition, "sources"> | null }[];
  issueCount: number;
  counts: { scored: number; unknown: number };
};

/** A party with its positions (bounded) and how many are scored; null when either does not exist. */
export function getPartyView(slug: string, partySlug: string): TPartyView | null {
  const db = getDatabase();
  return db.transaction((): TPartyView | null => {
    const negotiation = findNegotiation(db, slug);
    if (!negotiation) return null;
    const party = listParties(db, negotiation.id).find((p) => p.slug === partySlug);
    if (!party) return null;
    const ids = db
      .prepare(`SELECT "id" FROM "Issue" WHERE "negotiationId" = ? ORDER BY "sortOrder" LIMIT ?`)
      .pluck()
      .all(negotiation.id, PARTY_PAGE_ROWS) as number[];
    const issues = selectIssues(db, ids);
    const grid = selectCells(db, issues, [party]);
    const counts = db
      .prepare(`SELECT COUNT("score") AS "scored", COUNT(*) - COUNT("score") AS "unknown" FROM "Position" WHERE "partyId" = ?`)
      .get(party.id) as { scored: number; unknown: number };
    return {
      negotiation: toInfo(negotiation),
      party: toParty(party),
      rows: issues.map(({ id: _, ...issue }, index) => ({ issue, position: grid[index]?.[0] ?? null })),
      issueCount: negotiation.issueCount,
      counts,
    };
  })();
}

export type TBibliographyView = {
  negotiation: TNegotiationInfo;
  sources: TNumberedSource[];
  page: number;
  pageCount: number;
  total: number;
};

/** One page of a negotiation's numbered bibliography; null when the negotiation does not exist. */
export function getBibliography(slug: string, page: number): TBibliographyView | null {
  const db = getDatabase();
  return db.transaction((): TBibliographyView | null => {
    const negotiation = findNegotiation(db, slug);
    if (!negotiation) return null;
    const total = db.prepare(`SELECT COUNT(*) FROM "Source" WHERE "negotiationId" = ?`).pluck().get(negotiation.id) as number;
    const pageCount = Math.max(1, Math.ceil(total / SOURCES_PER_PAGE));
    const current = Math.min(Math.max(1, page), pageCount);
    const sources = (
      db
        .prepare(
          `SELECT s."title", s."publisher", s."url", s."publishedAt", s."isDateApproximate", s."note", s."kind", s."relays", s."flags",
             ROW_NUMBER() OVER (ORDER BY s."id") AS "number"
           FROM "Source" s WHERE s."negotiationId" = ? ORDER BY s."id" LIMIT ? OFFSET ?`,
        )
        .all(negotiation.id, SOURCES_PER_PAGE, (current - 1) * SOURCES_PER_PAGE) as TSourceRow[]
    ).map(toNumbered); // ROW_NUMBER runs before LIMIT: the numbers are the whole bibliography's
    return { negotiation: toInfo(negotiation), sources, page: current, pageCount, total };
  })();
}

/** The bibliography entry of a source number: its page and anchor. */
export function sourceHref(slug: string, number: number): string {
  const page = Math.ceil(number / SOURCES_PER_PAGE);
  return `/negotiations/${slug}/sources${page > 1 ? `?page=${page}` : ""}#source-${number}`;
}

/** The timeline shows at most this many events. */
export const TIMELINE_EVENTS = 500;

export type TTimelineEvent = { date: string; title: string; summary: string; sources: TNumberedSource[] };
export type TTimelineView = { negotiation: TNegotiationInfo; events: TTimelineEvent[]; total: number };

/** A negotiation's dated events in order, each with its numbered sources; null when the negotiation does not exist. */
export function getTimelineView(slug: string): TTimelineView | null {
  const db = getDatabase();
  return db.transaction((): TTimelineView | null => {
    const negotiation = findNegotiation(db, slug);
    if (!negotiation) return null;
    const total = db.prepare(`SELECT COUNT(*) FROM "Event" WHERE "negotiationId" = ?`).pluck().get(negotiation.id) as number;
    const events = db
      .prepare(`SELECT "id", "date", "title", "summary" FROM "Event" WHERE "negotiationId" = ? ORDER BY "sortOrder" LIMIT ?`)
      .all(negotiation.id, TIMELINE_EVENTS) as { id: number; date: string; title: string; summary: string }[];
    const sourcesOf = db.prepare(
      `SELECT es."eventId", ${SOURCE_COLUMNS} FROM "EventSource" es JOIN "Source" s ON s."id" = es."sourceId"
       WHERE es."eventId" IN (SELECT value FROM json_each(?)) ORDER BY es."eventId", es."sortOrder"`,
    );
    const byEvent = new Map<number, TNumberedSource[]>();
    for (const { eventId, ...row } of sourcesOf.all(JSON.stringify(events.map((e) => e.id))) as (TSourceRow & { eventId: number })[]) {
      byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), toNumbered(row)]);
    }
    return {
      negotiation: toInfo(negotiation),
      events: events.map(({ id, ...event }) => ({ ...event, sources: byEvent.get(id) ?? [] })),
      total,
    };
  })();
}

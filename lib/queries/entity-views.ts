import "server-only";
import { measureIssue, type TIssueDivergence } from "../divergence";
import type { TConfidence, TIssue, TParty, TPosition, TSource, TStatus } from "../domain";
import type { TNegotiationInfo } from "../matrix";
import { getDatabase } from "../db";
import { isUnpublished, readerAsOf, type TReader } from "./as-of";
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

type TSourceRow = Omit<TSource, "isDateApproximate" | "flags"> & { sourceId: number; isDateApproximate: number; flags: string };

/** A negotiation's bibliography numbers: a source's rank among its sources by id (the order first cited), read once per view. */
export type TNumbering = (sourceId: number) => number;

export function readNumbering(db: TReader, negotiationId: number): TNumbering {
  const ids = db.prepare(`SELECT "id" FROM "Source" WHERE "negotiationId" = ? ORDER BY "id"`).pluck().all(negotiationId) as number[];
  return (sourceId) => {
    let low = 0;
    let high = ids.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ids[middle]! < sourceId) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}

function toNumbered({ sourceId, isDateApproximate, flags, ...row }: TSourceRow, numberOf: TNumbering): TNumberedSource {
  return { ...row, isDateApproximate: isDateApproximate === 1, flags: JSON.parse(flags) as string[], number: numberOf(sourceId) };
}

const SOURCE_COLUMNS = `s."id" AS "sourceId", s."title", s."publisher", s."url", s."publishedAt", s."isDateApproximate", s."note", s."kind", s."relays", s."kindNote", s."flags"`;

function findIssue(db: TReader, negotiationId: number, slug: string): (TIssue & { id: number }) | undefined {
  const id = db.prepare(`SELECT "id" FROM "Issue" WHERE "negotiationId" = ? AND "slug" = ?`).pluck().get(negotiationId, slug) as
    number | undefined;
  return id === undefined ? undefined : selectIssues(db, [id])[0];
}

/** The issues before and after one in dossier order (slug and name), for links to neighbours. */
function issueNeighbours(db: TReader, negotiationId: number, sortOrder: number) {
  const near = (op: "<" | ">", direction: "DESC" | "ASC") =>
    db
      .prepare(
        `SELECT "slug", "name" FROM "Issue" WHERE "negotiationId" = ? AND "sortOrder" ${op} ? ORDER BY "sortOrder" ${direction} LIMIT 1`,
      )
      .get(negotiationId, sortOrder) as { slug: string; name: string } | undefined;
  return { previous: near("<", "DESC") ?? null, next: near(">", "ASC") ?? null };
}

/** One version of a cell, as its history lists it. */
export type TVersion = {
  id: number;
  label: string;
  summary: string;
  score: number | null;
  status: TStatus;
  confidence: TConfidence;
  /** The validity date as written ("2025-12-18/2025-12-24", "c. 2025-11-21"). */
  asOf: string;
  validFrom: string;
  validTo: string | null;
  isApproximate: boolean;
  quote: string | null;
  notes: string | null;
  recordedAt: string;
  /** The display name of who entered it (null: a dossier import), and why. */
  author: string | null;
  reason: string | null;
  event: { slug: string | null; date: string; title: string } | null;
  /** The version this one retracts, if it is a retraction. */
  retracts: number | null;
  /** The retraction that withdrew this version, if any. */
  retractedBy: number | null;
  sources: TNumberedSource[];
};

/** A cell's history lists at most this many versions. */
export const HISTORY_VERSIONS = 200;

/** The numbered sources of versions, by version id, each list in citation order. */
export function selectVersionSources(db: TReader, versionIds: readonly number[], numberOf: TNumbering): Map<number, TNumberedSource[]> {
  const sourcesOf = db.prepare(
    `SELECT vs."versionId", ${SOURCE_COLUMNS} FROM "PositionVersionSource" vs JOIN "Source" s ON s."id" = vs."sourceId"
     WHERE vs."versionId" IN (SELECT value FROM json_each(?)) ORDER BY vs."versionId", vs."sortOrder"`,
  );
  const byVersion = new Map<number, TNumberedSource[]>();
  for (const { versionId, ...row } of sourcesOf.all(JSON.stringify(versionIds)) as (TSourceRow & { versionId: number })[]) {
    byVersion.set(versionId, [...(byVersion.get(versionId) ?? []), toNumbered(row, numberOf)]);
  }
  return byVersion;
}

/** A cell's versions in time order (validity, then recording), each with its numbered sources and event. */
function selectHistory(db: TReader, issueId: number, partyId: number, numberOf: TNumbering): TVersion[] {
  type TRow = Omit<TVersion, "isApproximate" | "event" | "sources"> & {
    isApproximate: number;
    eventSlug: string | null;
    eventDate: string | null;
    eventTitle: string | null;
  };
  const rows = db
    .prepare(
      `SELECT v."id", v."label", v."summary", v."score", v."status", v."confidence", v."asOf", v."validFrom", v."validTo", v."isApproximate",
         v."quote", v."notes", v."recordedAt", u."name" AS "author", v."reason", v."retractsId" AS "retracts",
         (SELECT r."id" FROM "PositionVersion" r WHERE r."retractsId" = v."id" ORDER BY r."id" LIMIT 1) AS "retractedBy",
         e."slug" AS "eventSlug", e."date" AS "eventDate", e."title" AS "eventTitle"
       FROM "PositionVersion" v LEFT JOIN "Event" e ON e."id" = v."eventId" LEFT JOIN "User" u ON u."id" = v."authorId"
       WHERE v."issueId" = ? AND v."partyId" = ? ORDER BY v."validFrom", v."id" LIMIT ?`,
    )
    .all(issueId, partyId, HISTORY_VERSIONS) as TRow[];
  const byVersion = selectVersionSources(
    db,
    rows.map((r) => r.id),
    numberOf,
  );
  return rows.map(({ isApproximate, eventSlug, eventDate, eventTitle, ...row }) => ({
    ...row,
    isApproximate: isApproximate === 1,
    event: eventDate === null ? null : { slug: eventSlug, date: eventDate, title: eventTitle! },
    sources: byVersion.get(row.id) ?? [],
  }));
}

export type TCellView = {
  negotiation: TNegotiationInfo;
  issue: TIssue;
  party: TParty;
  /** The day the cell is shown as of, or null for the latest data. */
  asOf: string | null;
  /** True when the party is a document not yet published on `asOf`. */
  unpublished: boolean;
  position: Omit<TPosition, "sources"> | null;
  /** The version shown as `position`, or null. */
  shownVersionId: number | null;
  sources: TNumberedSource[];
  /** Every version of the cell, in time order (also those after `asOf`, marked as later by their dates). */
  history: TVersion[];
  /** Neighbouring cells: the previous and next issue (same party), the previous and next party (same issue). */
  neighbours: {
    up: { slug: string; name: string } | null;
    down: { slug: string; name: string } | null;
    left: TParty | null;
    right: TParty | null;
  };
};

/**
 * One cell as of a day (null: the latest) with its numbered sources, its whole history and its
 * neighbours; null when the negotiation, issue or party does not exist.
 */
export function getCellView(slug: string, issueSlug: string, partySlug: string, asOf: string | null = null): TCellView | null {
  const db = getDatabase();
  return db.transaction((): TCellView | null => {
    const negotiation = findNegotiation(db, slug);
    if (!negotiation) return null;
    const issue = findIssue(db, negotiation.id, issueSlug);
    const parties = listParties(db, negotiation.id);
    const column = parties.findIndex((p) => p.slug === partySlug);
    if (!issue || column < 0) return null;
    const party = parties[column]!;
    const unpublished = isUnpublished(party, asOf);
    const at = readerAsOf(db, asOf);
    const numberOf = readNumbering(db, negotiation.id);
    const [cell] = unpublished ? [null] : selectCells(at, [issue], [party])[0]!;
    const sources = (
      at
        .prepare(
          `SELECT ${SOURCE_COLUMNS} FROM "PositionSource" ps JOIN "Source" s ON s."id" = ps."sourceId"
           JOIN "Position" p ON p."id" = ps."positionId" WHERE p."issueId" = ? AND p."partyId" = ? ORDER BY ps."sortOrder"`,
        )
        .all(issue.id, party.id) as TSourceRow[]
    )
      .map((row) => toNumbered(row, numberOf))
      .filter(() => !unpublished);
    const { previous, next } = issueNeighbours(db, negotiation.id, issue.sortOrder);
    const { id: _, ...issueFields } = issue;
    const position = cell ? (({ sources: _s, ...rest }) => rest)(cell) : null;
    return {
      negotiation: toInfo(negotiation),
      issue: issueFields,
      party: toParty(party),
      asOf,
      unpublished,
      position,
      sources,
      history: selectHistory(db, issue.id, party.id, numberOf),
      shownVersionId: unpublished
        ? null
        : ((at.prepare(`SELECT "versionId" FROM "Position" WHERE "issueId" = ? AND "partyId" = ?`).pluck().get(issue.id, party.id) as
            number | null | undefined) ?? null),
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
  asOf: string | null;
  /** Every party with its cell on this issue, in column order; a document not yet published on `asOf` is marked. */
  cells: { party: TParty; position: Omit<TPosition, "sources"> | null; unpublished: boolean }[];
  divergence: TIssueDivergence;
  neighbours: { previous: { slug: string; name: string } | null; next: { slug: string; name: string } | null };
};

/** An issue with every party's position on it and its divergence; null when either does not exist. */
export function getIssueView(slug: string, issueSlug: string, asOf: string | null = null): TIssueView | null {
  const db = getDatabase();
  return db.transaction((): TIssueView | null => {
    const negotiation = findNegotiation(db, slug);
    if (!negotiation) return null;
    const issue = findIssue(db, negotiation.id, issueSlug);
    if (!issue) return null;
    const parties = listParties(db, negotiation.id);
    const row = selectCells(readerAsOf(db, asOf), [issue], parties)[0]!.map((cell, index) =>
      isUnpublished(parties[index]!, asOf) ? null : cell,
    );
    const { id: _, ...issueFields } = issue;
    return {
      negotiation: toInfo(negotiation),
      issue: issueFields,
      asOf,
      cells: parties.map((party, index) => ({
        party: toParty(party),
        position: row[index] ?? null,
        unpublished: isUnpublished(party, asOf),
      })),
      divergence: measureIssue(row.flatMap((cell, index) => (isUnpublished(parties[index]!, asOf) ? [] : [cell?.score ?? null]))),
      neighbours: issueNeighbours(db, negotiation.id, issue.sortOrder),
    };
  })();
}

export type TPartyView = {
  negotiation: TNegotiationInfo;
  party: TParty;
  asOf: string | null;
  /** True when the party is a document not yet published on `asOf`: it then shows no positions. */
  unpublished: boolean;
  /** The party's positions in issue order: the first PARTY_PAGE_ROWS of them. */
  rows: { issue: TIssue; position: Omit<TPosition, "sources"> | null }[];
  issueCount: number;
  counts: { scored: number; unknown: number };
};

/** A party with its positions (bounded) and how many are scored; null when either does not exist. */
export function getPartyView(slug: string, partySlug: string, asOf: string | null = null): TPartyView | null {
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
    const unpublished = isUnpublished(party, asOf);
    const at = readerAsOf(db, asOf);
    const grid = selectCells(at, issues, [party]);
    const counts = unpublished
      ? { scored: 0, unknown: 0 }
      : (at
          .prepare(`SELECT COUNT("score") AS "scored", COUNT(*) - COUNT("score") AS "unknown" FROM "Position" WHERE "partyId" = ?`)
          .get(party.id) as { scored: number; unknown: number });
    return {
      negotiation: toInfo(negotiation),
      party: toParty(party),
      asOf,
      unpublished,
      rows: issues.map(({ id: _, ...issue }, index) => ({ issue, position: unpublished ? null : (grid[index]?.[0] ?? null) })),
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
    // A page's numbers continue the pages before it: the n-th source by id is number n.
    const first = (current - 1) * SOURCES_PER_PAGE;
    const sources = (
      db
        .prepare(`SELECT ${SOURCE_COLUMNS} FROM "Source" s WHERE s."negotiationId" = ? ORDER BY s."id" LIMIT ? OFFSET ?`)
        .all(negotiation.id, SOURCES_PER_PAGE, first) as TSourceRow[]
    ).map((row, index) => toNumbered(row, () => first + index + 1));
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

export type TTimelineEvent = { slug: string | null; date: string; title: string; summary: string; sources: TNumberedSource[] };
/** A dated fact of the context, with how far it is verified. */
export type TFact = { date: string; title: string; summary: string; verification: string; sources: TNumberedSource[] };
export type TTimelineView = { negotiation: TNegotiationInfo; events: TTimelineEvent[]; total: number; facts: TFact[] };

/** Dated entries (events or facts) with their numbered sources, in order, at most TIMELINE_EVENTS. */
function selectDated<T extends { id: number }>(db: TReader, table: "Event" | "Fact", columns: string, negotiationId: number) {
  const rows = db
    .prepare(`SELECT "id", ${columns} FROM "${table}" WHERE "negotiationId" = ? ORDER BY "sortOrder" LIMIT ?`)
    .all(negotiationId, TIMELINE_EVENTS) as T[];
  const sourcesOf = db.prepare(
    `SELECT j."${table.toLowerCase()}Id" AS "ownerId", ${SOURCE_COLUMNS} FROM "${table}Source" j JOIN "Source" s ON s."id" = j."sourceId"
     WHERE j."${table.toLowerCase()}Id" IN (SELECT value FROM json_each(?)) ORDER BY j."${table.toLowerCase()}Id", j."sortOrder"`,
  );
  const byOwner = new Map<number, TNumberedSource[]>();
  const numberOf = readNumbering(db, negotiationId);
  for (const { ownerId, ...row } of sourcesOf.all(JSON.stringify(rows.map((e) => e.id))) as (TSourceRow & { ownerId: number })[]) {
    byOwner.set(ownerId, [...(byOwner.get(ownerId) ?? []), toNumbered(row, numberOf)]);
  }
  return rows.map(({ id, ...row }) => ({ ...row, sources: byOwner.get(id) ?? [] }));
}

/** A negotiation's dated events in order, each with its numbered sources; null when the negotiation does not exist. */
export function getTimelineView(slug: string): TTimelineView | null {
  const db = getDatabase();
  return db.transaction((): TTimelineView | null => {
    const negotiation = findNegotiation(db, slug);
    if (!negotiation) return null;
    const total = db.prepare(`SELECT COUNT(*) FROM "Event" WHERE "negotiationId" = ?`).pluck().get(negotiation.id) as number;
    return {
      negotiation: toInfo(negotiation),
      events: selectDated<{ id: number } & Omit<TTimelineEvent, "sources">>(
        db,
        "Event",
        `"slug", "date", "title", "summary"`,
        negotiation.id,
      ),
      total,
      facts: selectDated<{ id: number } & Omit<TFact, "sources">>(db, "Fact", `"date", "title", "summary", "verification"`, negotiation.id),
    };
  })();
}

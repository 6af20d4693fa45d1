import "server-only";
import type { TReader } from "./as-of";
import type { TConfidence, TIssue, TParty, TPartyKind, TPosition, TSource, TSourceKind, TStatus } from "../domain";
import type { TNegotiationInfo } from "../matrix";
import type { TKnownSlugs, TSortKey } from "../matrix-params";

// The SQL every view is read with. Lists go in as one JSON parameter (json_each), so a long list
// never meets SQLite's parameter limit. Callers run these inside one read transaction.

export type TNegotiationRow = TNegotiationInfo & {
  id: number;
  issueCount: number;
  lowPoleParty: string | null;
  highPoleParty: string | null;
  dataVersion: string;
};
export type TPartyRow = TParty & { id: number };

/** The negotiation with a slug and its issue count, or undefined. */
export function findNegotiation(db: TReader, slug: string): TNegotiationRow | undefined {
  return db
    .prepare(
      `SELECT n."id", n."slug", n."title", n."summary", n."asOf", n."scaleNote", n."lowPoleParty", n."highPoleParty", n."dataVersion",
        (SELECT COUNT(*) FROM "Issue" i WHERE i."negotiationId" = n."id") AS "issueCount"
       FROM "Negotiation" n WHERE n."slug" = ?`,
    )
    .get(slug) as TNegotiationRow | undefined;
}

/** Every party of a negotiation (the columns), in order. */
export function listParties(db: TReader, negotiationId: number): TPartyRow[] {
  return db
    .prepare(
      `SELECT "id", "slug", "name", "kind", "date", "description", "sortOrder" FROM "Party" WHERE "negotiationId" = ? ORDER BY "sortOrder"`,
    )
    .all(negotiationId) as (Omit<TPartyRow, "kind"> & { kind: TPartyKind })[];
}

/** The issue slugs of a negotiation, checked against the database only for the slugs a URL names. */
export function issueSlugLookup(db: TReader, negotiation: TNegotiationRow): TKnownSlugs {
  const statement = db
    .prepare(`SELECT "slug" FROM "Issue" WHERE "negotiationId" = ? AND "slug" IN (SELECT value FROM json_each(?)) ORDER BY "sortOrder"`)
    .pluck();
  return { count: negotiation.issueCount, filter: (asked) => statement.all(negotiation.id, JSON.stringify(asked)) as string[] };
}

export type TRowFilter = {
  negotiationId: number;
  issues: string[] | null;
  partyIds: number[];
  /** The parties the divergence sort measures (the shown ones, anchors left out unless included); default `partyIds`. */
  metricPartyIds?: number[];
  q: string;
  sort: TSortKey;
  /** The party of a `party:{slug}` sort. */
  sortPartyId?: number;
};

const ORDER_BY: Record<string, string> = {
  order: `i."sortOrder"`,
  issue: `i."searchText", i."sortOrder"`,
  // Most contested first; issues with fewer than two known scores last (never counted as 0).
  divergence: `d."scored" IS NULL OR d."scored" < 2, d."spread" DESC, i."sortOrder"`,
  // By one party's score, highest first; unknown scores last (never as 0).
  party: `sp."score" IS NULL, sp."score" DESC, i."sortOrder"`,
};

/**
 * The rows of a view as SQL: the ids of the chosen issues that match the search (in the issue's
 * folded name, or in a shown party's folded summary and quote), in the chosen order. Pure, so the
 * clauses can be tested without a database.
 */
export function toRowQuery(filter: TRowFilter): { sql: string; params: (string | number)[] } {
  const parties = JSON.stringify(filter.partyIds);
  const params: (string | number)[] = [];
  const where = [`i."negotiationId" = ?`];
  params.push(filter.negotiationId);
  if (filter.issues) {
    where.push(`i."slug" IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filter.issues));
  }
  if (filter.q) {
    where.push(
      `(instr(i."searchText", ?) > 0 OR EXISTS (SELECT 1 FROM "Position" p WHERE p."issueId" = i."id" AND p."partyId" IN (SELECT value FROM json_each(?)) AND instr(p."searchText", ?) > 0))`,
    );
    params.push(filter.q, parties, filter.q);
  }
  const spread =
    filter.sort === "divergence"
      ? `LEFT JOIN (SELECT "issueId", COUNT("score") AS "scored", MAX("score") - MIN("score") AS "spread" FROM "Position"
           WHERE "partyId" IN (SELECT value FROM json_each(?)) GROUP BY "issueId") d ON d."issueId" = i."id"`
      : "";
  if (spread) params.unshift(JSON.stringify(filter.metricPartyIds ?? filter.partyIds));
  const byParty = filter.sortPartyId !== undefined && filter.sort.startsWith("party:");
  const partyJoin = byParty ? `LEFT JOIN "Position" sp ON sp."issueId" = i."id" AND sp."partyId" = ?` : "";
  if (byParty) params.unshift(filter.sortPartyId!);
  const order = byParty ? ORDER_BY.party : (ORDER_BY[filter.sort] ?? ORDER_BY.order);
  return { sql: `SELECT i."id" FROM "Issue" i ${partyJoin} ${spread} WHERE ${where.join(" AND ")} ORDER BY ${order}`, params };
}

/** The ids of a view's rows, in order: all of them, or one page. */
export function selectRowIds(db: TReader, filter: TRowFilter, page?: { limit: number; offset: number }): number[] {
  const { sql, params } = toRowQuery(filter);
  const statement = db.prepare(page ? `${sql} LIMIT ? OFFSET ?` : sql).pluck();
  return (page ? statement.all(...params, page.limit, page.offset) : statement.all(...params)) as number[];
}

/**
 * What a search found in a view (every row it keeps, not one page): the cells whose own texts
 * contain it, the rows they are in, and the rows kept because the issue's name contains it.
 */
export function countMatches(db: TReader, filter: TRowFilter): { cells: number; rows: number; issueNames: number } {
  const { sql, params } = toRowQuery({ ...filter, sort: "order" });
  return db
    .prepare(
      `WITH kept AS (${sql})
       SELECT
         (SELECT COUNT(*) FROM "Position" p WHERE p."issueId" IN (SELECT "id" FROM kept) AND p."partyId" IN (SELECT value FROM json_each(?)) AND instr(p."searchText", ?) > 0) AS "cells",
         (SELECT COUNT(DISTINCT p."issueId") FROM "Position" p WHERE p."issueId" IN (SELECT "id" FROM kept) AND p."partyId" IN (SELECT value FROM json_each(?)) AND instr(p."searchText", ?) > 0) AS "rows",
         (SELECT COUNT(*) FROM "Issue" i WHERE i."id" IN (SELECT "id" FROM kept) AND instr(i."searchText", ?) > 0) AS "issueNames"`,
    )
    .get(...params, JSON.stringify(filter.partyIds), filter.q, JSON.stringify(filter.partyIds), filter.q, filter.q) as {
    cells: number;
    rows: number;
    issueNames: number;
  };
}

/** How many rows a view has. */
export function countRows(db: TReader, filter: TRowFilter): number {
  const { sql, params } = toRowQuery({ ...filter, sort: "order" });
  return db
    .prepare(`SELECT COUNT(*) FROM (${sql})`)
    .pluck()
    .get(...params) as number;
}

type TIssueRow = Omit<TIssue, "isCore"> & { id: number; isCore: number };

/** The issues with these ids, in the order given. */
export function selectIssues(db: TReader, ids: readonly number[]): (TIssue & { id: number })[] {
  const rows = db
    .prepare(
      `SELECT i."id", i."slug", i."name", i."description", i."sortOrder", i."isCore", i."lowLabel", i."highLabel"
       FROM json_each(?) r JOIN "Issue" i ON i."id" = r.value ORDER BY r.key`,
    )
    .all(JSON.stringify(ids)) as TIssueRow[];
  return rows.map((row) => ({ ...row, isCore: row.isCore === 1 }));
}

type TPositionRow = [
  match: number,
  issueId: number,
  partyId: number,
  label: string,
  summary: string,
  score: number | null,
  status: TStatus,
  confidence: TConfidence,
  asOf: string | null,
  quote: string | null,
  notes: string | null,
  sourceIds: string | null,
];
type TSourceRow = [
  id: number,
  title: string,
  publisher: string,
  url: string | null,
  publishedAt: string | null,
  isDateApproximate: number,
  note: string | null,
  kind: TSourceKind | null,
  relays: string | null,
  kindNote: string | null,
  flags: string,
];

/** Sources by id, read once per view or export and shared by every cell that cites them. */
export type TSourceCache = Map<number, TSource>;

function loadSources(db: TReader, ids: Iterable<number>, cache: TSourceCache): void {
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  if (missing.length === 0) return;
  const rows = db
    .prepare(
      `SELECT "id", "title", "publisher", "url", "publishedAt", "isDateApproximate", "note", "kind", "relays", "kindNote", "flags" FROM "Source" WHERE "id" IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(missing)) as TSourceRow[];
  for (const [id, title, publisher, url, publishedAt, isDateApproximate, note, kind, relays, kindNote, flags] of rows) {
    cache.set(id, {
      title,
      publisher,
      url,
      publishedAt,
      isDateApproximate: isDateApproximate === 1,
      note,
      kind,
      relays,
      kindNote,
      flags: JSON.parse(flags),
    });
  }
}

/**
 * The cells of these issues (rows) for these parties (columns), as a grid in the order given; null
 * where a cell is missing. One query reads the cells with their source ids; each source is read
 * once into `cache`, and cells citing it share the same object.
 */
export function selectCells(
  db: TReader,
  issues: readonly { id: number; slug: string }[],
  parties: readonly TPartyRow[],
  cache: TSourceCache = new Map(),
  /** The folded search text: each cell then says whether its own texts contain it (`match`). */
  q = "",
): (TPosition | null)[][] {
  const statement = db
    .prepare(
      `SELECT instr(p."searchText", ?) > 0, p."issueId", p."partyId", p."label", p."summary", p."score", p."status", p."confidence", p."asOf", p."quote", p."notes",
         (SELECT group_concat(c."sourceId") FROM (SELECT ps."sourceId" FROM "PositionSource" ps WHERE ps."positionId" = p."id" ORDER BY ps."sortOrder") c)
       FROM "Position" p WHERE p."issueId" IN (SELECT value FROM json_each(?)) AND p."partyId" IN (SELECT value FROM json_each(?))`,
    )
    .raw();
  const rowOf = new Map(issues.map((issue, index) => [issue.id, index]));
  // A party may fill two columns (a party compared with itself): both show the same cell.
  const columnsOf = new Map<number, number[]>();
  parties.forEach((party, index) => columnsOf.set(party.id, [...(columnsOf.get(party.id) ?? []), index]));
  const grid: (TPosition | null)[][] = issues.map(() => parties.map(() => null));
  const pending: [TPosition, number[]][] = [];
  const rows = statement.iterate(
    q,
    JSON.stringify(issues.map((i) => i.id)),
    JSON.stringify(parties.map((p) => p.id)),
  ) as IterableIterator<TPositionRow>;
  for (const [match, issueId, partyId, label, summary, score, status, confidence, asOf, quote, notes, sourceIds] of rows) {
    const row = rowOf.get(issueId)!;
    const columns = columnsOf.get(partyId)!;
    const party = parties[columns[0]!]!.slug;
    const position: TPosition = {
      issue: issues[row]!.slug,
      party,
      label,
      summary,
      score,
      status,
      confidence,
      asOf,
      quote,
      notes,
      sources: [],
      ...(q ? { match: match === 1 } : {}),
    };
    for (const column of columns) grid[row]![column] = position;
    if (sourceIds) pending.push([position, sourceIds.split(",").map(Number)]);
  }
  loadSources(
    db,
    pending.flatMap(([, ids]) => ids),
    cache,
  );
  for (const [position, ids] of pending) position.sources = ids.map((id) => cache.get(id)!);
  return grid;
}

/** The scores of these issues for these parties, for metrics over a whole view: [issueId, partyId, score]. */
export function selectScores(db: TReader, issueIds: readonly number[], parties: readonly TPartyRow[]): [number, number, number | null][] {
  return db
    .prepare(
      `SELECT "issueId", "partyId", "score" FROM "Position"
       WHERE "issueId" IN (SELECT value FROM json_each(?)) AND "partyId" IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(issueIds), JSON.stringify(parties.map((p) => p.id))) as [number, number, number | null][];
}

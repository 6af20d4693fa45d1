import "server-only";
import { sql, type ExpressionBuilder } from "kysely";
import type { DB, Issue } from "../generated/kysely/types";

/** The scope of a correlated subquery over an issue row `i`. */
type TIssueScope = ExpressionBuilder<DB & { i: Issue }, "i">;
import { cellsOn } from "../cells/current";
import type { TDb } from "../db/connection";
import { readSnapshot } from "../db/transactions";
import { contains, inByteOrder, inIds, inTexts, orderedIds } from "../db/dialect";
import { toPartyKind, toSteps, type TIssue, type TNegotiationInfo, type TParty } from "../domain/words";
import type { TKnownSlugs, TSortKey } from "../params/matrix-params";

// The rows a view shows: its negotiation, its parties, and which issues the URL's filters, search
// and sort select, in order, in SQL (a view reads only its rows). Callers read in one snapshot.

export type TNegotiationRow = TNegotiationInfo & {
  id: number;
  issueCount: number;
  lowPoleParty: string | null;
  highPoleParty: string | null;
  dataVersion: string;
};
export type TPartyRow = TParty & { id: number };
export type TIssueRow = TIssue & { id: number };

/** The negotiation with a slug and its issue count, or undefined: the one lookup of a negotiation by its slug. */
export async function findNegotiation(db: TDb, slug: string): Promise<TNegotiationRow | undefined> {
  return db
    .selectFrom("Negotiation as n")
    .select([
      "n.id",
      "n.slug",
      "n.title",
      "n.summary",
      "n.asOf",
      "n.scaleNote",
      "n.lowEnd",
      "n.highEnd",
      "n.lowPoleParty",
      "n.highPoleParty",
      "n.dataVersion",
    ])
    .select((eb) =>
      eb
        .selectFrom("Issue as i")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("i.negotiationId", "=", "n.id")
        .as("issueCount"),
    )
    .where("n.slug", "=", slug)
    .executeTakeFirst()
    .then((row) => row && { ...row, issueCount: Number(row.issueCount ?? 0) });
}

/** Every party of a negotiation (the columns), in order. */
export async function listParties(db: TDb, negotiationId: number): Promise<TPartyRow[]> {
  const rows = await db
    .selectFrom("Party")
    .select(["id", "slug", "name", "kind", "date", "description", "sortOrder"])
    .where("negotiationId", "=", negotiationId)
    .orderBy("sortOrder")
    .execute();
  return rows.map((row) => ({ ...row, kind: toPartyKind(row.kind) }));
}

/** The slugs and names of a negotiation's issues, in order, at most `limit`. */
export async function listIssueOptions(db: TDb, negotiationId: number, limit: number): Promise<{ slug: string; name: string }[]> {
  return db
    .selectFrom("Issue")
    .select(["slug", "name"])
    .where("negotiationId", "=", negotiationId)
    .orderBy("sortOrder")
    .limit(limit)
    .execute();
}

/** The issue slugs of a negotiation that a URL names, looked up once, as the URL parser reads them. */
export async function knownIssueSlugs(db: TDb, negotiation: TNegotiationRow, asked: readonly string[]): Promise<TKnownSlugs> {
  const found =
    asked.length === 0
      ? []
      : (
          await db
            .selectFrom("Issue as i")
            .select("i.slug")
            .where("i.negotiationId", "=", negotiation.id)
            .where((eb) => inTexts(eb.ref("i.slug"), asked))
            .orderBy("i.sortOrder")
            .execute()
        ).map((r) => r.slug);
  return { count: negotiation.issueCount, filter: (slugs) => found.filter((slug) => slugs.includes(slug)) };
}

export type TRowFilter = {
  negotiationId: number;
  /** The day the view shows (null: the latest data). */
  day: string | null;
  issues: string[] | null;
  partyIds: number[];
  /** The parties the divergence sort measures (the shown ones, anchors left out unless included); default `partyIds`. */
  metricPartyIds?: number[];
  /** The folded search text. */
  q: string;
  /** Only the rows with a shown cell whose readings disagree on the day. */
  contested?: boolean;
  sort: TSortKey;
  /** The party of a `party:{slug}` sort. */
  sortPartyId?: number;
};

/**
 * The rows of a view as a query: the ids of the chosen issues that match the search (in the
 * issue's folded name, or in a shown party's cell on the day), in the chosen order.
 */
export function rowQuery(db: TDb, filter: TRowFilter) {
  let query = db.selectFrom("Issue as i").select("i.id").where("i.negotiationId", "=", filter.negotiationId);
  if (filter.issues) query = query.where((eb) => inTexts(eb.ref("i.slug"), filter.issues!));
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        contains(eb.ref("i.searchText"), q),
        eb.exists(
          eb
            .selectFrom(cellsOn(db, filter.day))
            .innerJoin("PositionVersion as v", "v.id", "c.versionId")
            .select(sql`1`.as("one"))
            .whereRef("c.issueId", "=", "i.id")
            .where((e) => e.and([inIds(e.ref("c.partyId"), filter.partyIds), contains(e.ref("v.searchText"), q)])),
        ),
      ]),
    );
  }
  if (filter.contested)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom(cellsOn(db, filter.day))
          .innerJoin("PositionVersion as v", "v.id", "c.versionId")
          .select(sql`1`.as("one"))
          .whereRef("c.issueId", "=", "i.id")
          .where((e) => e.and([inIds(e.ref("c.partyId"), filter.partyIds), sql<boolean>`${sql.ref("v.contested")}`])),
      ),
    );
  const partySort = filter.sortPartyId !== undefined && filter.sort.startsWith("party:");
  if (partySort) {
    const score = (eb: TIssueScope) =>
      eb
        .selectFrom(cellsOn(db, filter.day))
        .innerJoin("PositionVersion as v", "v.id", "c.versionId")
        .select("v.score")
        .whereRef("c.issueId", "=", "i.id")
        .where("c.partyId", "=", filter.sortPartyId!);
    // By one party's score, highest first; unknown scores last (never as 0).
    return query
      .orderBy((eb) => sql`(${score(eb)}) IS NULL`)
      .orderBy((eb) => score(eb), "desc")
      .orderBy("i.sortOrder");
  }
  if (filter.sort === "divergence") {
    const measured = filter.metricPartyIds ?? filter.partyIds;
    const scores = (eb: TIssueScope) =>
      eb
        .selectFrom(cellsOn(db, filter.day))
        .innerJoin("PositionVersion as v", "v.id", "c.versionId")
        .whereRef("c.issueId", "=", "i.id")
        .where((e) => inIds(e.ref("c.partyId"), measured));
    // Most contested first; issues with fewer than two known scores last (never counted as 0).
    return (
      query
        .orderBy((eb) => sql`(${scores(eb).select((e) => e.fn.count("v.score").as("n"))}) < 2`)
        // NULLS LAST: SQLite and PostgreSQL put a null at opposite ends of a descending order by default.
        .orderBy(
          (eb) => scores(eb).select(sql`MAX(v."score") - MIN(v."score")`.as("spread")),
          (ob) => ob.desc().nullsLast(),
        )
        .orderBy("i.sortOrder")
    );
  }
  if (filter.sort === "issue") return query.orderBy((eb) => inByteOrder(eb.ref("i.searchText"))).orderBy("i.sortOrder");
  return query.orderBy("i.sortOrder");
}

/** The ids of a view's rows, in order: all of them, or one page. */
export async function selectRowIds(db: TDb, filter: TRowFilter, page?: { limit: number; offset: number }): Promise<number[]> {
  const query = rowQuery(db, filter);
  const rows = await (page ? query.limit(page.limit).offset(page.offset) : query).execute();
  return rows.map((r) => r.id);
}

/** How many rows a view has. */
export async function countRows(db: TDb, filter: TRowFilter): Promise<number> {
  const row = await db
    .selectFrom(
      rowQuery(db, { ...filter, sort: "order" })
        .clearOrderBy()
        .as("r"),
    )
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * What a search found in a view (every row it keeps, not one page): the cells whose own texts
 * contain it, the rows they are in, and the rows kept because the issue's name contains it.
 */
export async function countMatches(db: TDb, filter: TRowFilter): Promise<{ cells: number; rows: number; issueNames: number }> {
  const kept = rowQuery(db, { ...filter, sort: "order" }).clearOrderBy();
  const cells = await db
    .selectFrom(cellsOn(db, filter.day))
    .innerJoin("PositionVersion as v", "v.id", "c.versionId")
    .select((eb) => [eb.fn.countAll<number>().as("cells"), eb.fn.count<number>("c.issueId").distinct().as("rows")])
    .where("c.issueId", "in", kept)
    .where((eb) => eb.and([inIds(eb.ref("c.partyId"), filter.partyIds), contains(eb.ref("v.searchText"), filter.q)]))
    .executeTakeFirstOrThrow();
  const names = await db
    .selectFrom("Issue as i")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("i.id", "in", kept)
    .where((eb) => contains(eb.ref("i.searchText"), filter.q))
    .executeTakeFirstOrThrow();
  return { cells: Number(cells.cells), rows: Number(cells.rows), issueNames: Number(names.n) };
}

/** How many of the view's cells (its kept rows × its shown parties, on its day) are contested: every row, not one page. */
export async function countContested(db: TDb, filter: TRowFilter): Promise<number> {
  const kept = rowQuery(db, { ...filter, sort: "order" }).clearOrderBy();
  const row = await db
    .selectFrom(cellsOn(db, filter.day))
    .innerJoin("PositionVersion as v", "v.id", "c.versionId")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("c.issueId", "in", kept)
    .where((eb) => eb.and([inIds(eb.ref("c.partyId"), filter.partyIds), sql<boolean>`${sql.ref("v.contested")}`]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The issues with these ids, in the order given. */
export async function selectIssues(db: TDb, ids: readonly number[]): Promise<TIssueRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom(orderedIds(ids, "r"))
    .innerJoin("Issue as i", "i.id", "r.value")
    .select(["i.id", "i.slug", "i.name", "i.description", "i.sortOrder", "i.isCore", "i.lowLabel", "i.highLabel", "i.steps"])
    .orderBy("r.key")
    .execute();
  return rows.map((row) => ({ ...row, isCore: row.isCore === 1, steps: toSteps(row.steps, row.lowLabel, row.highLabel) }));
}

/** A negotiation by slug, read on its own (pages that need only its name and ids); undefined when there is none. */
export function getNegotiation(slug: string): Promise<TNegotiationRow | undefined> {
  return readSnapshot((db) => findNegotiation(db, slug));
}

/**
 * A view's cells as the base of a query: its rows (issues aliased `i`, in the view's order, `r.key`)
 * × its shown parties (aliased `pa`, in their order, `k.key`); the exports add the cells' versions.
 */
export function viewGrid(db: TDb, rowIds: readonly number[], partyIds: readonly number[]) {
  return db
    .selectFrom(orderedIds(rowIds, "r"))
    .innerJoin("Issue as i", "i.id", "r.value")
    .crossJoin(orderedIds(partyIds, "k"))
    .innerJoin("Party as pa", "pa.id", "k.value");
}

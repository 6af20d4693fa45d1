import "server-only";
import { sql, type Selectable } from "kysely";
import type { TDb } from "../db/connection";
import { inIds, joinInOrder } from "../db/dialect";
import type { Source } from "../generated/kysely/types";
import { toSourceKind } from "../domain/words";
import type { TNumberedSource, TSource } from "./cell";

// The sources cells cite, as every read takes them: each source read once per view into a cache
// and shared by every owner that cites it (a version, a competing reading, a red line, a draft's
// point, a link), in citation order; their bibliography numbers; and the citation lines the exports
// join in SQL.

/** Sources by id, read once per view or export and shared by every cell that cites them. */
export type TSourceCache = Map<number, TSource>;

/**
 * The citation lines (or the URLs) of an owner's sources (a version aliased `v`, a reading, an event, a fact),
 * joined in citation order in SQL: the exports' sources column, formatted when the source was written.
 */
export function citationsOf(
  table: "PositionVersionSource" | "PositionReadingSource" | "EventSource" | "FactSource",
  key: "versionId" | "readingId" | "eventId" | "factId",
  column: "citation" | "url" = "citation",
) {
  return joinInOrder(
    sql`SELECT s.${sql.ref(column)} AS value FROM ${sql.table(table)} j JOIN "Source" s ON s."id" = j."sourceId"
      WHERE j.${sql.ref(key)} = v."id" AND s.${sql.ref(column)} IS NOT NULL ORDER BY j."sortOrder"`,
    column === "url" ? " " : " | ",
  );
}

/** A stored source row as a cited source. */
export function toSource(row: Selectable<Source>): TSource {
  return {
    title: row.title,
    publisher: row.publisher,
    url: row.url,
    publishedAt: row.publishedAt,
    isDateApproximate: row.isDateApproximate === 1,
    note: row.note,
    kind: toSourceKind(row.kind),
    relays: row.relays,
    kindNote: row.kindNote,
    flags: JSON.parse(row.flags) as string[],
  };
}

/** Reads the sources with these ids into the cache (each once). */
export async function readSources(db: TDb, ids: Iterable<number>, cache: TSourceCache): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  if (missing.length === 0) return;
  const rows = await db
    .selectFrom("Source as s")
    .selectAll("s")
    .where((eb) => inIds(eb.ref("s.id"), missing))
    .execute();
  for (const row of rows) cache.set(row.id, toSource(row));
}

/** The tables that cite sources for an owner other than a cell's version, and the owner's column in each. */
type TCitingTable = {
  RedLineSource: "redLineId";
  DraftSource: "draftId";
  DraftPointSource: "versionId";
  PointLinkSource: "linkId";
  PositionReadingSource: "readingId";
};

/**
 * The sources each owner (a red line, a draft, a point's version, a link) cites, in citation order:
 * each source read once into the cache and shared by every owner that cites it.
 */
export async function readCitedSources<T extends keyof TCitingTable>(
  db: TDb,
  table: T,
  key: TCitingTable[T],
  ids: readonly number[],
  cache: TSourceCache,
  withIds = false,
): Promise<Map<number, TSource[]>> {
  const cited = new Map<number, TSource[]>();
  if (ids.length === 0) return cited;
  const rows = (
    await sql<{ owner: number; sourceId: number }>`SELECT ${sql.ref(key)} AS "owner", "sourceId" FROM ${sql.table(table)}
    WHERE ${inIds(sql.ref(key), ids)} ORDER BY ${sql.ref(key)}, "sortOrder"`.execute(db)
  ).rows;
  await readSources(
    db,
    rows.map((r) => r.sourceId),
    cache,
  );
  for (const r of rows) {
    const source = withIds ? { ...cache.get(r.sourceId)!, id: r.sourceId } : cache.get(r.sourceId)!;
    cited.set(r.owner, [...(cited.get(r.owner) ?? []), source]);
  }
  return cited;
}

/** The source ids each version cites, in citation order. */
export async function readCitations(db: TDb, versionIds: readonly number[]): Promise<Map<number, number[]>> {
  const byVersion = new Map<number, number[]>();
  if (versionIds.length === 0) return byVersion;
  const rows = await db
    .selectFrom("PositionVersionSource as vs")
    .select(["vs.versionId", "vs.sourceId"])
    .where((eb) => inIds(eb.ref("vs.versionId"), versionIds))
    .orderBy("vs.versionId")
    .orderBy("vs.sortOrder")
    .execute();
  for (const { versionId, sourceId } of rows) byVersion.set(versionId, [...(byVersion.get(versionId) ?? []), sourceId]);
  return byVersion;
}

/** A negotiation's bibliography numbers: a source's rank among its sources by id (the order first cited), read once per view. */
export type TNumbering = (sourceId: number) => number;

export async function readNumbering(db: TDb, negotiationId: number): Promise<TNumbering> {
  const ids = (await db.selectFrom("Source").select("id").where("negotiationId", "=", negotiationId).orderBy("id").execute()).map(
    (r) => r.id,
  );
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

/** The numbered sources of versions, by version id, each list in citation order. */
export async function readNumberedSources(
  db: TDb,
  versionIds: readonly number[],
  numberOf: TNumbering,
): Promise<Map<number, TNumberedSource[]>> {
  const citations = await readCitations(db, versionIds);
  const cache: TSourceCache = new Map();
  await readSources(db, [...citations.values()].flat(), cache);
  return new Map([...citations].map(([versionId, ids]) => [versionId, ids.map((id) => ({ ...cache.get(id)!, number: numberOf(id) }))]));
}

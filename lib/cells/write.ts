import "server-only";
import { sql } from "kysely";
import { lastDayOf, parseValidity } from "../domain/dates";
import { foldText } from "../domain/text";
import { formatSourceLine } from "../domain/format";
import type { TDb } from "../db/connection";
import { advanceDataVersion } from "../db/data-version";
import type { Insertable } from "kysely";
import type {
  Position,
  PositionReading,
  PositionReadingSource,
  PositionVersion,
  PositionVersionSource,
  Source,
} from "../generated/kysely/types";
import { getEngine } from "../db/connection";
import { allocateIds, BULK_ROWS, greaterOf, inIds, insertMany, lockNegotiation } from "../db/dialect";
import type { TCellContent, TSource } from "./cell";
import { currentVersionId } from "./current";
import { isContested, rangeOf } from "./readings";

// The one writer of cells: it alone inserts into the cell tables (the cells, their versions, their
// citations, and the sources it writes for them). Every path that changes a position comes here:
// the dossier import, the editor and the write API, imports with a preview. It appends versions
// (never changes one: the database refuses that), points each cell at its current version by the
// rule of ./current.ts, and moves the negotiation's and the database's data version on, all inside
// the caller's write transaction. Rows go in batches with ids allocated up front, so that a
// 100,000-cell dossier is a few hundred statements, not a round trip per row.

/** Rows per INSERT: under SQLite's and PostgreSQL's parameter limits for the widest table. */
const BATCH = 500;

type TSearchable = Pick<TCellContent, "summary" | "quote"> & { sources: readonly Pick<TSource, "title" | "publisher">[] };

/**
 * What a search looks in: a version's own words, its competing readings' words, and every source's
 * title and publisher, folded (never its party's name).
 */
export function toSearchText(content: TSearchable & Pick<TCellContent, "label" | "notes"> & { readings?: readonly TSearchable[] }): string {
  const words = (r: TSearchable) => [r.summary, r.quote, ...r.sources.flatMap((s) => [s.title, s.publisher])];
  const parts = [content.label, content.notes, ...words(content), ...(content.readings ?? []).flatMap(words)];
  return foldText(parts.filter(Boolean).join("\n"));
}

/** One version to append: its content (its date resolved), the stored ids of sources it cites (null: write that source), and its occasion. */
export type TNewVersion = {
  content: TCellContent & { asOf: string };
  /** Per source of `content.sources`: the id of a stored source it is, or null to write it. */
  sourceIds?: readonly (number | null)[];
  /** The same for each competing reading's sources, reading by reading. */
  readingSourceIds?: readonly (readonly (number | null)[])[];
  eventId: number | null;
  /** The `asOf` of an earlier version of the same cell (in this write or stored) that this one retracts. */
  retracts: string | null;
  recordedAt: string;
  authorId: string | null;
  reason: string | null;
};

/** A cell's new versions, in time order. */
export type TCellWrite = { issueId: number; partyId: number; versions: TNewVersion[] };

export type TWriteSummary = { versions: number; citations: number; sources: number; versionIds: number[] };

/** A key for sources written in one call: the same source cited twice is written once. */
const sourceKey = (s: TSource) =>
  JSON.stringify([s.title, s.publisher, s.url, s.publishedAt, s.isDateApproximate, s.note, s.kind, s.relays, s.kindNote, s.flags]);

/**
 * Writes sources of a negotiation (inside the caller's transaction), each distinct one once, and
 * returns their ids in the order given. Events and facts cite sources written here too.
 */
export async function writeSources(db: TDb, negotiationId: number, sources: readonly TSource[]): Promise<number[]> {
  const distinct = new Map<string, TSource>();
  for (const s of sources) distinct.set(sourceKey(s), distinct.get(sourceKey(s)) ?? s);
  const ids = await allocateIds(db, "Source", distinct.size);
  const idOf = new Map([...distinct.keys()].map((key, index) => [key, ids[index]!]));
  const rows = [...distinct.values()].map((s, index) => ({
    id: ids[index]!,
    negotiationId,
    title: s.title,
    publisher: s.publisher,
    url: s.url,
    publishedAt: s.publishedAt,
    isDateApproximate: s.isDateApproximate ? 1 : 0,
    note: s.note,
    citation: formatSourceLine(s),
    kind: s.kind,
    relays: s.relays,
    kindNote: s.kindNote,
    flags: JSON.stringify(s.flags),
  }));
  await insertMany(db, "Source", rows satisfies Insertable<Source>[]);
  return sources.map((s) => idOf.get(sourceKey(s))!);
}

/** The ids of the cells (issue × party), making the ones that do not exist yet (the negotiation is locked: no other writer makes them meanwhile). */
async function ensureCells(db: TDb, cells: readonly { issueId: number; partyId: number }[]): Promise<Map<string, number>> {
  const key = (issueId: number, partyId: number) => `${issueId}|${partyId}`;
  const issueIds = [...new Set(cells.map((c) => c.issueId))];
  const read = async () => {
    const ids = new Map<string, number>();
    for (let start = 0; start < issueIds.length; start += BATCH) {
      const rows = await db
        .selectFrom("Position")
        .select(["id", "issueId", "partyId"])
        .where((eb) => inIds(eb.ref("issueId"), issueIds.slice(start, start + BATCH)))
        .execute();
      for (const row of rows) ids.set(key(row.issueId, row.partyId), row.id);
    }
    return ids;
  };
  const stored = await read();
  const missing = new Map(cells.filter((c) => !stored.has(key(c.issueId, c.partyId))).map((c) => [key(c.issueId, c.partyId), c]));
  if (missing.size === 0) return stored;
  await insertMany(
    db,
    "Position",
    [...missing.values()].map(({ issueId, partyId }) => ({ issueId, partyId })) satisfies Insertable<Position>[],
  );
  return read();
}

/** Points these cells at their current version, by the rule of ./current.ts (set-based, in batches). */
export async function refreshPointers(db: TDb, cellIds: readonly number[]): Promise<void> {
  const batch = BULK_ROWS[getEngine()];
  for (let start = 0; start < cellIds.length; start += batch) {
    await db
      .updateTable("Position as p")
      .set((eb) => ({ versionId: currentVersionId(eb.ref("p.issueId"), eb.ref("p.partyId"), null) }))
      .where((eb) => inIds(eb.ref("p.id"), cellIds.slice(start, start + batch)))
      .execute();
  }
}

/** The ids of a cell's stored versions by their date (the latest of a date), for retractions of versions written earlier. */
async function storedVersionIds(db: TDb, cellId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("PositionVersion")
    .select(["id", "asOf"])
    .where("positionId", "=", cellId)
    .where("retractsId", "is", null)
    .orderBy("id")
    .execute();
  return new Map(rows.map((r) => [r.asOf, r.id]));
}

/**
 * Appends versions to cells of one negotiation, inside the caller's write transaction: writes the
 * sources they cite that are not stored yet, the versions (with their search text) and their
 * citations, points each cell at its current version, and moves the negotiation's data version
 * and as-of date and the database's data version on. A retraction names the date of an earlier
 * version of its cell.
 */
export async function appendVersions(db: TDb, negotiationId: number, cells: readonly TCellWrite[]): Promise<TWriteSummary> {
  await lockNegotiation(db, { id: negotiationId });
  const cellIds = await ensureCells(db, cells);
  const pending = cells.flatMap((cell) => cell.versions.map((version) => ({ cell, version })));
  // New sources first, each distinct one once.
  const unstored = pending.flatMap(({ version }) => [
    ...version.content.sources.filter((_, index) => (version.sourceIds?.[index] ?? null) === null),
    ...version.content.readings.flatMap((r, at) =>
      r.sources.filter((_, index) => (version.readingSourceIds?.[at]?.[index] ?? null) === null),
    ),
  ]);
  const newIds = await writeSources(db, negotiationId, unstored);
  let nextNew = 0;
  const versionIds = await allocateIds(db, "PositionVersion", pending.length);
  const rows = [];
  const citations: { versionId: number; sourceId: number; sortOrder: number }[] = [];
  const readingIds = await allocateIds(
    db,
    "PositionReading",
    pending.reduce((sum, { version }) => sum + version.content.readings.length, 0),
  );
  const readings: Insertable<PositionReading>[] = [];
  const readingCitations: Insertable<PositionReadingSource>[] = [];
  // A retraction names a date: the latest version of its cell with that date, stored or written
  // here (before or after the retraction itself), is the one it withdraws.
  const byDate = new Map<number, Map<string, number>>();
  for (const cell of cells.filter((c) => c.versions.some((v) => v.retracts !== null)))
    byDate.set(
      cellIds.get(`${cell.issueId}|${cell.partyId}`)!,
      await storedVersionIds(db, cellIds.get(`${cell.issueId}|${cell.partyId}`)!),
    );
  for (const [index, { cell, version }] of pending.entries()) {
    const dates = byDate.get(cellIds.get(`${cell.issueId}|${cell.partyId}`)!);
    if (dates && version.retracts === null) dates.set(version.content.asOf, versionIds[index]!);
  }
  for (const [index, { cell, version }] of pending.entries()) {
    const cellId = cellIds.get(`${cell.issueId}|${cell.partyId}`)!;
    const id = versionIds[index]!;
    const { content } = version;
    const dates = byDate.get(cellId);
    const validity = parseValidity(content.asOf);
    const range = content.readings.length === 0 ? null : rangeOf(content);
    rows.push({
      id,
      positionId: cellId,
      issueId: cell.issueId,
      partyId: cell.partyId,
      label: content.label,
      summary: content.summary,
      score: content.score,
      status: content.status,
      confidence: content.confidence,
      asOf: content.asOf,
      validFrom: validity.validFrom,
      validTo: validity.validTo,
      isApproximate: validity.isApproximate ? 1 : 0,
      quote: content.quote,
      notes: content.notes,
      confidenceReason: content.confidenceReason,
      originals: content.evidence && JSON.stringify(content.evidence.originals),
      agreement: content.evidence?.agreement ?? null,
      preferredReason: content.preferredReason,
      readingCount: content.readings.length,
      contested: isContested(content) ? 1 : 0,
      scoreMin: range?.min ?? null,
      scoreMax: range?.max ?? null,
      searchText: toSearchText(content),
      recordedAt: version.recordedAt,
      eventId: version.eventId,
      retractsId: version.retracts === null ? null : (dates?.get(version.retracts) ?? null),
      authorId: version.authorId,
      reason: version.reason,
    });
    content.sources.forEach((_, order) => {
      const sourceId = version.sourceIds?.[order] ?? newIds[nextNew++]!;
      citations.push({ versionId: id, sourceId, sortOrder: order });
    });
    content.readings.forEach(({ score, status, summary, quote, rank, reason, sources }, at) => {
      const readingId = readingIds[readings.length]!;
      readings.push({ id: readingId, versionId: id, sortOrder: at, score, status, summary, quote, rank, reason });
      const seen = new Set<number>();
      sources.forEach((_, order) => {
        const sourceId = version.readingSourceIds?.[at]?.[order] ?? newIds[nextNew++]!;
        if (seen.size < seen.add(sourceId).size) readingCitations.push({ readingId, sourceId, sortOrder: order });
      });
    });
  }
  // Retractions last: the version a retraction names may come after it in time order, or in a later batch.
  const inserted = [...rows.filter((r) => r.retractsId === null), ...rows.filter((r) => r.retractsId !== null)];
  await insertMany(db, "PositionVersion", inserted satisfies Insertable<PositionVersion>[]);
  // A version citing the same source twice keeps its first citation (its versions are new: nothing stored can clash).
  const seen = new Set<string>();
  const distinct = citations.filter((c) => seen.size < seen.add(`${c.versionId}|${c.sourceId}`).size);
  const cited = await insertMany(db, "PositionVersionSource", distinct satisfies Insertable<PositionVersionSource>[]);
  await insertMany(db, "PositionReading", readings);
  await insertMany(db, "PositionReadingSource", readingCitations);
  await refreshPointers(db, [...new Set(cellIds.values())]);
  const lastDay = pending.map(({ version }) => lastDayOf(version.content.asOf)).reduce((a, b) => (a > b ? a : b), "");
  await touchNegotiation(db, negotiationId, lastDay);
  return { versions: rows.length, citations: cited, sources: new Set(newIds).size, versionIds };
}

/**
 * After a write (inside its transaction): the negotiation's data version ("{id}-{latest version
 * id}", with the latest audit entry when there is one) and its as-of date move on (to `day` at
 * least), and so does the database's data version.
 */
export async function touchNegotiation(db: TDb, negotiationId: number, day: string): Promise<void> {
  const latest = await db
    .selectFrom("PositionVersion as v")
    .innerJoin("Issue as i", "i.id", "v.issueId")
    .select((eb) => eb.fn.max("v.id").as("id"))
    .where("i.negotiationId", "=", negotiationId)
    .executeTakeFirst();
  const audit = await db
    .selectFrom("AuditEntry")
    .select((eb) => eb.fn.max("id").as("id"))
    .where("negotiationId", "=", negotiationId)
    .executeTakeFirst();
  await db
    .updateTable("Negotiation")
    .set((eb) => ({
      dataVersion: `${negotiationId}-${latest?.id ?? 0}${audit?.id ? `.${audit.id}` : ""}`,
      ...(day ? { asOf: greaterOf(eb.ref("asOf"), day) } : {}),
    }))
    .where("id", "=", negotiationId)
    .execute();
  await advanceDataVersion(db);
}

/** Deletes a negotiation with everything in it (its cells, versions and sources go with it). */
export async function deleteNegotiation(db: TDb, negotiationId: number): Promise<void> {
  // Pointers first: a cell points at a version and a version at its cell.
  await sql`UPDATE "Position" SET "versionId" = NULL WHERE "issueId" IN (SELECT "id" FROM "Issue" WHERE "negotiationId" = ${negotiationId})`.execute(
    db,
  );
  await db.deleteFrom("Negotiation").where("id", "=", negotiationId).execute();
  await advanceDataVersion(db);
}

import "server-only";
import { sql } from "kysely";
import type { TDb } from "../db/connection";
import { inIds } from "../db/dialect";
import type { TCsvCell } from "../formats/csv";
import { formatScore } from "../domain/format";
import { citationsOf } from "../cells/sources";
import type { TViewBase } from "./matrix-view";
import { selectIssues, viewGrid } from "./rows";

// The rows of the data package's own tables (issues, versions, readings, events, facts, sources), each
// streamed from the caller's snapshot a chunk at a time, in the view's order, for the view's filters and day.

/** Rows read and written at a time, so memory stays flat. */
export const CHUNK_ROWS = 1000;

async function* versionRows(db: TDb, base: TViewBase, rowIds: number[], day: string): AsyncGenerator<TCsvCell[]> {
  const query = viewGrid(
    db,
    rowIds,
    base.shownParties.map((p) => p.id),
  )
    .innerJoin("PositionVersion as v", (join) => join.onRef("v.issueId", "=", "i.id").onRef("v.partyId", "=", "pa.id"))
    .leftJoin("Event as e", "e.id", "v.eventId")
    .select(["i.slug as issue", "pa.slug as party", "v.id", "v.validFrom", "v.validTo", "v.isApproximate", "v.asOf", "v.recordedAt"])
    .select(["v.score", "v.status", "v.confidence", "v.label", "v.summary", "v.quote", "v.notes", "e.slug as event", "v.retractsId"])
    .select([
      citationsOf("PositionVersionSource", "versionId").as("sources"),
      citationsOf("PositionVersionSource", "versionId", "url").as("sourceUrls"),
    ])
    .where("v.validFrom", "<=", day)
    .orderBy("r.key")
    .orderBy("k.key")
    .orderBy("v.validFrom")
    .orderBy("v.id");
  for await (const v of query.stream(CHUNK_ROWS)) {
    const when = [v.validFrom, v.validTo, v.isApproximate ? "true" : "false", v.asOf, v.recordedAt];
    const content = [v.score, v.status, v.confidence, v.label, v.summary, v.quote, v.notes];
    yield [v.issue, v.party, v.id, ...when, ...content, v.event, v.retractsId, v.sources, v.sourceUrls];
  }
}

/**
 * Every reading of the versions of the view that have competing readings: the version's own (its
 * preferred reading) first, then the others in their order. A version without competing readings
 * has one reading, its own, which versions.csv holds already.
 */
export async function* readingRows(db: TDb, base: TViewBase, rowIds: number[], day: string): AsyncGenerator<TCsvCell[]> {
  const versions = viewGrid(
    db,
    rowIds,
    base.shownParties.map((p) => p.id),
  )
    .innerJoin("PositionVersion as v", (join) => join.onRef("v.issueId", "=", "i.id").onRef("v.partyId", "=", "pa.id"))
    .select(["i.slug as issue", "pa.slug as party", "v.id", "v.preferredReason", "v.score", "v.status", "v.summary", "v.quote"])
    .select([
      citationsOf("PositionVersionSource", "versionId").as("sources"),
      citationsOf("PositionVersionSource", "versionId", "url").as("sourceUrls"),
    ])
    .where("v.validFrom", "<=", day)
    .where("v.readingCount", ">", 0)
    .orderBy("r.key")
    .orderBy("k.key")
    .orderBy("v.validFrom")
    .orderBy("v.id");
  let pending: { id: number; row: TCsvCell[] }[] = [];
  const flush = async function* () {
    const others = await db
      .selectFrom("PositionReading as v")
      .select(["v.versionId", "v.rank", "v.reason", "v.score", "v.status", "v.summary", "v.quote"])
      .select([
        citationsOf("PositionReadingSource", "readingId").as("sources"),
        citationsOf("PositionReadingSource", "readingId", "url").as("sourceUrls"),
      ])
      .where((eb) =>
        inIds(
          eb.ref("v.versionId"),
          pending.map((p) => p.id),
        ),
      )
      .orderBy("v.versionId")
      .orderBy("v.sortOrder")
      .execute();
    // The readings come in version order: group them once, not once per version.
    const byVersion = new Map<number, typeof others>();
    for (const r of others) byVersion.set(r.versionId, [...(byVersion.get(r.versionId) ?? []), r]);
    for (const { id, row } of pending) {
      yield row;
      for (const r of byVersion.get(id) ?? [])
        yield [row[0]!, row[1]!, id, r.rank, r.reason, r.score, r.status, r.summary, r.quote, r.sources, r.sourceUrls];
    }
    pending = [];
  };
  for await (const v of versions.stream(CHUNK_ROWS)) {
    pending.push({
      id: v.id,
      row: [v.issue, v.party, v.id, "preferred", v.preferredReason, v.score, v.status, v.summary, v.quote, v.sources, v.sourceUrls],
    });
    if (pending.length === CHUNK_ROWS) yield* flush();
  }
  if (pending.length > 0) yield* flush();
}

/** Rows of one table, streamed. */
export async function* rowsOf(
  db: TDb,
  base: TViewBase,
  table: "issues" | "versions" | "events" | "facts" | "sources",
  rowIds: number[],
  day: string,
): AsyncGenerator<TCsvCell[]> {
  const negotiationId = base.negotiation.id;
  if (table === "versions") {
    yield* versionRows(db, base, rowIds, day);
    return;
  }
  if (table === "issues") {
    for (const issue of await selectIssues(db, rowIds)) {
      const interpolated = issue.steps.filter((s) => s.interpolated).map((s) => formatScore(s.score));
      yield [
        issue.slug,
        issue.name,
        issue.description,
        issue.isCore ? "true" : "false",
        ...issue.steps.map((s) => s.label),
        interpolated.join(" ") || null,
      ];
    }
    return;
  }
  if (table === "events") {
    const events = db
      .selectFrom("Event as v")
      .select(["v.slug", "v.date", "v.title", "v.summary", citationsOf("EventSource", "eventId").as("sources")])
      .where("v.negotiationId", "=", negotiationId)
      .where(sql<string>`substr(v."date", 1, 10)`, "<=", day)
      .orderBy("v.sortOrder");
    for await (const e of events.stream(CHUNK_ROWS)) yield [e.slug, e.date, e.title, e.summary, e.sources];
    return;
  }
  if (table === "facts") {
    const facts = db
      .selectFrom("Fact as v")
      .select(["v.date", "v.title", "v.summary", "v.verification", citationsOf("FactSource", "factId").as("sources")])
      .where("v.negotiationId", "=", negotiationId)
      .where(sql<string>`substr(v."date", 1, 10)`, "<=", day)
      .orderBy("v.sortOrder");
    for await (const f of facts.stream(CHUNK_ROWS)) yield [f.date, f.title, f.summary, f.verification, f.sources];
    return;
  }
  let number = 0;
  const sources = db.selectFrom("Source").selectAll().where("negotiationId", "=", negotiationId).orderBy("id");
  for await (const s of sources.stream(CHUNK_ROWS)) {
    const flags = (JSON.parse(s.flags) as string[]).join(" ");
    yield [
      ++number,
      s.title,
      s.publisher,
      s.url,
      s.publishedAt,
      s.isDateApproximate ? "true" : "false",
      s.kind,
      s.relays,
      s.kindNote,
      flags || null,
      s.note,
    ];
  }
}

import "server-only";
import { inTimeOrder } from "../cells/current";
import type { TSource } from "../cells/cell";
import { appendVersions, deleteNegotiation, writeSources, type TCellWrite } from "../cells/write";
import type { TCellVersionInput } from "../cells/schema";
import { daysIn } from "../domain/dates";
import { AppError } from "../domain/errors";
import { foldText } from "../domain/text";
import type { TDb } from "../db/connection";
import { writeTransaction } from "../db/transactions";
import { appendRedLines } from "../redlines/write";
import { importLineage } from "../lineage/write";
import { parseNegotiationInput, type TNegotiationInput } from "./dossier-schema";

// Writing a whole dossier: validated in full first (every problem listed, nothing written), then
// written in one transaction through the one writer of cells, replacing a stored negotiation of
// the same slug only when asked. All or nothing: readers keep seeing the previous data until it commits.

export type TImportSummary = {
  slug: string;
  issues: number;
  parties: number;
  cells: number;
  versions: number;
  sources: number;
  citations: number;
  redLines: number;
  points: number;
  links: number;
  replaced: boolean;
};

/**
 * The date the data is current to, computed from the data, never declared: the latest day named
 * by any version's validity, source, event, fact, party or draft date, ends of ranges included, so that
 * nothing shown is dated after it.
 */
export function dataAsOf(
  input: Pick<TNegotiationInput, "positions" | "events" | "facts" | "parties"> & Partial<Pick<TNegotiationInput, "drafts" | "links">>,
): string {
  const dates = [
    ...(input.drafts ?? []).flatMap((d) => [
      d.publishedOn,
      ...[...d.sources, ...d.points.flatMap((p) => p.sources)].flatMap((s) => daysIn(s.publishedAt)),
    ]),
    ...(input.links ?? []).flatMap((l) => l.sources.flatMap((s) => daysIn(s.publishedAt))),
    ...input.parties.flatMap((p) => daysIn(p.date)),
    ...input.positions.flatMap((p) => [...daysIn(p.asOf), ...p.sources.flatMap((s) => daysIn(s.publishedAt))]),
    ...[...input.events, ...input.facts].flatMap((e) => [...daysIn(e.date), ...e.sources.flatMap((s) => daysIn(s.publishedAt))]),
  ];
  return dates.reduce((latest, d) => (d > latest ? d : latest), "0000-01-01");
}

const BATCH = 500;

/** Inserts rows in batches (statements stay under the engines' parameter limits). */
async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

/** Dated entries (events, facts) in date order, ties in file order. */
const byDate = <T extends { date: string }>(entries: readonly T[]) =>
  entries
    .map((e, index) => ({ e, index }))
    .sort((x, y) => x.e.date.localeCompare(y.e.date) || x.index - y.index)
    .map(({ e }) => e);

async function writeNegotiation(db: TDb, input: TNegotiationInput, replace: boolean): Promise<TImportSummary> {
  const existing = await db.selectFrom("Negotiation").select("id").where("slug", "=", input.slug).executeTakeFirst();
  if (existing && !replace)
    throw new AppError("exists", `A negotiation called “${input.slug}” is already stored; pass --replace to replace it.`);
  if (existing) await deleteNegotiation(db, existing.id);
  const { id: negotiationId } = await db
    .insertInto("Negotiation")
    .values({
      slug: input.slug,
      title: input.title,
      summary: input.summary,
      asOf: dataAsOf(input),
      scaleNote: input.scaleNote,
      lowEnd: input.lowEnd,
      highEnd: input.highEnd,
      lowPoleParty: input.lowPoleParty,
      highPoleParty: input.highPoleParty,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertInBatches(
    input.issues.map((i, order) => ({
      negotiationId,
      slug: i.slug,
      name: i.name,
      description: i.description,
      sortOrder: order,
      isCore: i.isCore ? 1 : 0,
      lowLabel: i.lowLabel,
      highLabel: i.highLabel,
      searchText: foldText(i.name),
      steps: JSON.stringify(i.steps ?? []),
    })),
    (batch) => db.insertInto("Issue").values(batch).execute(),
  );
  await insertInBatches(
    input.parties.map((p, order) => ({
      negotiationId,
      slug: p.slug,
      name: p.name,
      kind: p.kind,
      date: p.date,
      description: p.description,
      sortOrder: order,
    })),
    (batch) => db.insertInto("Party").values(batch).execute(),
  );
  const issueIds = new Map(
    (await db.selectFrom("Issue").select(["id", "slug"]).where("negotiationId", "=", negotiationId).execute()).map((r) => [r.slug, r.id]),
  );
  const partyIds = new Map(
    (await db.selectFrom("Party").select(["id", "slug"]).where("negotiationId", "=", negotiationId).execute()).map((r) => [r.slug, r.id]),
  );
  const partyDates = new Map(input.parties.map((p) => [p.slug, p.date]));

  // Every source once, numbered in the order first cited: events, then facts, then cells.
  const events = byDate(input.events);
  const facts = byDate(input.facts);
  const cells = new Map<string, TCellVersionInput[]>();
  for (const p of input.positions) cells.set(`${p.issue}|${p.party}`, [...(cells.get(`${p.issue}|${p.party}`) ?? []), p]);
  const ordered = [...cells.values()].map((versions) => inTimeOrder(versions, partyDates.get(versions[0]!.party)!));
  const cited: TSource[] = [
    ...events.flatMap((e) => e.sources),
    ...facts.flatMap((f) => f.sources),
    ...ordered.flat().flatMap((p) => [...p.sources, ...p.readings.flatMap((r) => r.sources)]),
    ...input.redLines.flatMap((l) => l.sources),
    ...input.drafts.flatMap((d) => [...d.sources, ...d.points.flatMap((p) => p.sources)]),
    ...input.links.flatMap((l) => l.sources),
  ];
  const sourceIds = await writeSources(db, negotiationId, cited);
  let next = 0;
  const take = (count: number) => sourceIds.slice(next, (next += count));

  await insertInBatches(
    events.map((e, order) => ({ negotiationId, slug: e.slug, date: e.date, title: e.title, summary: e.summary, sortOrder: order })),
    (batch) => db.insertInto("Event").values(batch).execute(),
  );
  const eventRows = await db
    .selectFrom("Event")
    .select(["id", "slug"])
    .where("negotiationId", "=", negotiationId)
    .orderBy("sortOrder")
    .execute();
  const eventIds = new Map(eventRows.flatMap((r) => (r.slug === null ? [] : [[r.slug, r.id] as const])));
  await insertInBatches(
    events.flatMap((e, index) =>
      take(e.sources.length).map((sourceId, order) => ({ eventId: eventRows[index]!.id, sourceId, sortOrder: order })),
    ),
    (batch) =>
      db
        .insertInto("EventSource")
        .values(batch)
        .onConflict((oc) => oc.columns(["eventId", "sourceId"]).doNothing())
        .execute(),
  );
  await insertInBatches(
    facts.map((f, order) => ({
      negotiationId,
      date: f.date,
      title: f.title,
      summary: f.summary,
      verification: f.verification,
      sortOrder: order,
    })),
    (batch) => db.insertInto("Fact").values(batch).execute(),
  );
  const factRows = await db.selectFrom("Fact").select("id").where("negotiationId", "=", negotiationId).orderBy("sortOrder").execute();
  await insertInBatches(
    facts.flatMap((f, index) =>
      take(f.sources.length).map((sourceId, order) => ({ factId: factRows[index]!.id, sourceId, sortOrder: order })),
    ),
    (batch) =>
      db
        .insertInto("FactSource")
        .values(batch)
        .onConflict((oc) => oc.columns(["factId", "sourceId"]).doNothing())
        .execute(),
  );

  // Every version of every cell, in time order, through the one writer.
  const recordedAt = new Date().toISOString();
  const writes: TCellWrite[] = ordered.map((versions) => {
    const { issue, party } = versions[0]!;
    const partyDate = partyDates.get(party)!;
    return {
      issueId: issueIds.get(issue)!,
      partyId: partyIds.get(party)!,
      versions: versions.map((p) => ({
        content: { ...p, asOf: p.asOf ?? partyDate },
        sourceIds: take(p.sources.length),
        readingSourceIds: p.readings.map((r) => take(r.sources.length)),
        eventId: p.event === null ? null : eventIds.get(p.event)!,
        retracts: p.retracts,
        recordedAt: p.recordedAt ?? recordedAt,
        authorId: null,
        reason: null,
      })),
    };
  });
  const written = await appendVersions(db, negotiationId, writes);
  await appendRedLines(
    db,
    input.redLines.map((line) => ({
      ...line,
      issueId: issueIds.get(line.issue)!,
      partyId: partyIds.get(line.party)!,
      sourceIds: take(line.sources.length),
      recordedAt,
      authorId: null,
      reason: null,
    })),
  );
  await importLineage(
    db,
    negotiationId,
    input,
    { party: (slug) => partyIds.get(slug)!, issue: (slug) => issueIds.get(slug)!, take },
    { recordedAt, authorId: null, reason: null },
  );
  return {
    slug: input.slug,
    issues: input.issues.length,
    parties: input.parties.length,
    cells: cells.size,
    versions: written.versions,
    sources: new Set(sourceIds).size,
    citations: written.citations,
    redLines: input.redLines.length,
    points: input.drafts.reduce((sum, d) => sum + d.points.length, 0),
    links: input.links.length,
    replaced: existing !== undefined,
  };
}

/**
 * The one way a whole dossier is written: validates it (an `invalid` AppError lists every problem)
 * and writes it in one transaction, replacing a stored negotiation of the same slug only when
 * `replace` is set (`exists` otherwise).
 */
export function importNegotiation(raw: unknown, options: { replace: boolean }): Promise<TImportSummary> {
  const input = parseNegotiationInput(raw);
  return writeTransaction((db) => writeNegotiation(db, input, options.replace));
}

/** Writes a negotiation, replacing any stored one with its slug (running it twice leaves the same data). */
export function replaceNegotiation(raw: unknown): Promise<TImportSummary> {
  return importNegotiation(raw, { replace: true });
}

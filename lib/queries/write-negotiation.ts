import "server-only";
import type Database from "better-sqlite3";
import { getDatabase } from "../db";
import { parseValidity } from "../domain";
import { currentVersion, inTimeOrder, parseNegotiationInput, type TNegotiationInput, type TPositionInput } from "../negotiation-input";
import { formatSourceLine } from "../format";
import { foldText } from "../text";

/** Sets a negotiation's data version ("{id}-{latest version id}") after a write; one parameter, its id. */
export const DATA_VERSION_SQL = `UPDATE "Negotiation" SET "dataVersion" = "id" || '-' || COALESCE((SELECT MAX(v."id") FROM "PositionVersion" v JOIN "Issue" i ON i."id" = v."issueId" WHERE i."negotiationId" = "Negotiation"."id"), 0) WHERE "id" = ?`;

export type TImportSummary = {
  slug: string;
  issues: number;
  parties: number;
  cells: number;
  versions: number;
  sources: number;
  citations: number;
  replaced: boolean;
};

/** A dossier whose slug is already stored, written without `replace`. */
export class NegotiationExistsError extends Error {
  constructor(slug: string) {
    super(`A negotiation called “${slug}” is already stored; pass --replace to replace it.`);
  }
}

function sourceKey(s: TPositionInput["sources"][number]): string {
  return JSON.stringify([s.title, s.publisher, s.url, s.publishedAt, s.isDateApproximate, s.note, s.kind, s.relays, s.kindNote, s.flags]);
}

export type TPositionSearchFields = {
  label: string;
  summary: string;
  quote: string | null;
  notes: string | null;
  sources: readonly { title: string; publisher: string }[];
};

/**
 * What a position's search looks in: its own words (label, summary, quote, notes) and its sources'
 * titles and publishers, folded. Not its party's name: a match there marks the column's header,
 * never every cell of the column.
 */
export function toPositionSearchText(p: TPositionSearchFields): string {
  const parts = [p.label, p.summary, p.quote, p.notes, ...p.sources.flatMap((s) => [s.title, s.publisher])];
  return foldText(parts.filter(Boolean).join("\n"));
}

/** Every full day (YYYY-MM-DD) a date text names, its range's end included: "c. 2025-11-20 / 2025-11-21" → both days. */
function daysIn(text: string | null): string[] {
  return text === null ? [] : (text.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
}

/**
 * The date the data is current to, computed from the data, never declared: the latest day named
 * by any version's validity, source, event or fact, ends of ranges included, so that nothing shown
 * is dated after it.
 */
export function dataAsOf(input: Pick<TNegotiationInput, "positions" | "events" | "facts" | "parties">): string {
  const dates = [
    ...input.parties.flatMap((p) => daysIn(p.date)),
    ...input.positions.flatMap((p) => [...daysIn(p.asOf), ...p.sources.flatMap((s) => daysIn(s.publishedAt))]),
    ...[...input.events, ...input.facts].flatMap((e) => [...daysIn(e.date), ...e.sources.flatMap((s) => daysIn(s.publishedAt))]),
  ];
  return dates.reduce((latest, d) => (d > latest ? d : latest), "0000-01-01");
}

/** A statement that writes one source of a negotiation (its citation line made from it) and returns its id. */
export function prepareSourceInsert(
  db: Database.Database,
): (negotiationId: number | bigint, s: TPositionInput["sources"][number]) => number | bigint {
  const statement = db.prepare(
    `INSERT INTO "Source" ("negotiationId", "title", "publisher", "url", "publishedAt", "isDateApproximate", "note", "citation", "kind", "relays", "kindNote", "flags") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (negotiationId, s) =>
    statement.run(
      negotiationId,
      s.title,
      s.publisher,
      s.url,
      s.publishedAt,
      s.isDateApproximate ? 1 : 0,
      s.note,
      formatSourceLine(s),
      s.kind,
      s.relays,
      s.kindNote,
      JSON.stringify(s.flags),
    ).lastInsertRowid;
}

function prepareStatements(db: Database.Database) {
  return {
    exists: db.prepare(`SELECT 1 FROM "Negotiation" WHERE "slug" = ?`).pluck(),
    remove: db.prepare(`DELETE FROM "Negotiation" WHERE "slug" = ?`),
    negotiation: db.prepare(
      `INSERT INTO "Negotiation" ("slug", "title", "summary", "asOf", "scaleNote", "lowPoleParty", "highPoleParty") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    issue: db.prepare(
      `INSERT INTO "Issue" ("negotiationId", "slug", "name", "description", "sortOrder", "isCore", "lowLabel", "highLabel", "searchText") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    party: db.prepare(
      `INSERT INTO "Party" ("negotiationId", "slug", "name", "kind", "date", "description", "sortOrder") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    source: prepareSourceInsert(db),
    position: db.prepare(
      `INSERT INTO "Position" ("issueId", "partyId", "label", "summary", "score", "status", "confidence", "asOf", "quote", "notes", "searchText") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    citation: db.prepare(`INSERT OR IGNORE INTO "PositionSource" ("positionId", "sourceId", "sortOrder") VALUES (?, ?, ?)`),
    version: db.prepare(
      `INSERT INTO "PositionVersion" ("positionId", "issueId", "partyId", "label", "summary", "score", "status", "confidence", "asOf", "validFrom", "validTo", "isApproximate", "quote", "notes", "searchText", "recordedAt", "eventId", "retractsId")
       VALUES (@positionId, @issueId, @partyId, @label, @summary, @score, @status, @confidence, @asOf, @validFrom, @validTo, @isApproximate, @quote, @notes, @searchText, @recordedAt, @eventId, @retractsId)`,
    ),
    versionSource: db.prepare(`INSERT OR IGNORE INTO "PositionVersionSource" ("versionId", "sourceId", "sortOrder") VALUES (?, ?, ?)`),
    current: db.prepare(`UPDATE "Position" SET "versionId" = ? WHERE "id" = ?`),
    dataVersion: db.prepare(DATA_VERSION_SQL),
    event: db.prepare(`INSERT INTO "Event" ("negotiationId", "slug", "date", "title", "summary", "sortOrder") VALUES (?, ?, ?, ?, ?, ?)`),
    eventSource: db.prepare(`INSERT OR IGNORE INTO "EventSource" ("eventId", "sourceId", "sortOrder") VALUES (?, ?, ?)`),
    fact: db.prepare(
      `INSERT INTO "Fact" ("negotiationId", "date", "title", "summary", "verification", "sortOrder") VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    factSource: db.prepare(`INSERT OR IGNORE INTO "FactSource" ("factId", "sourceId", "sortOrder") VALUES (?, ?, ?)`),
  };
}

function writeNegotiation(db: Database.Database, input: TNegotiationInput, replace: boolean): TImportSummary {
  const sql = prepareStatements(db);
  const replaced = sql.exists.get(input.slug) !== undefined;
  if (replaced && !replace) throw new NegotiationExistsError(input.slug);
  sql.remove.run(input.slug);
  const negotiationId = sql.negotiation.run(
    input.slug,
    input.title,
    input.summary,
    dataAsOf(input),
    input.scaleNote,
    input.lowPoleParty,
    input.highPoleParty,
  ).lastInsertRowid;
  const issueIds = new Map<string, number | bigint>();
  for (const [order, i] of input.issues.entries()) {
    const row = sql.issue.run(
      negotiationId,
      i.slug,
      i.name,
      i.description,
      order,
      i.isCore ? 1 : 0,
      i.lowLabel,
      i.highLabel,
      foldText(i.name),
    );
    issueIds.set(i.slug, row.lastInsertRowid);
  }
  const partyIds = new Map<string, number | bigint>();
  const partyDates = new Map(input.parties.map((p) => [p.slug, p.date]));
  for (const [order, p] of input.parties.entries()) {
    partyIds.set(p.slug, sql.party.run(negotiationId, p.slug, p.name, p.kind, p.date, p.description, order).lastInsertRowid);
  }
  const sourceIds = new Map<string, number | bigint>();
  /** The id of a source, written the first time it is cited: each source once per negotiation. */
  const sourceIdOf = (s: TPositionInput["sources"][number]) => {
    const key = sourceKey(s);
    let sourceId = sourceIds.get(key);
    if (sourceId === undefined) {
      sourceId = sql.source(negotiationId, s);
      sourceIds.set(key, sourceId);
    }
    return sourceId;
  };
  // Events in date order (ties in file order), their sources in the same bibliography.
  const eventIds = new Map<string, number | bigint>();
  const events = input.events.map((e, index) => ({ e, index })).sort((x, y) => x.e.date.localeCompare(y.e.date) || x.index - y.index);
  for (const [order, { e }] of events.entries()) {
    const eventId = sql.event.run(negotiationId, e.slug, e.date, e.title, e.summary, order).lastInsertRowid;
    if (e.slug !== null) eventIds.set(e.slug, eventId);
    for (const [sourceOrder, s] of e.sources.entries()) sql.eventSource.run(eventId, sourceIdOf(s), sourceOrder);
  }
  const facts = input.facts.map((f, index) => ({ f, index })).sort((x, y) => x.f.date.localeCompare(y.f.date) || x.index - y.index);
  for (const [order, { f }] of facts.entries()) {
    const factId = sql.fact.run(negotiationId, f.date, f.title, f.summary, f.verification, order).lastInsertRowid;
    for (const [sourceOrder, s] of f.sources.entries()) sql.factSource.run(factId, sourceIdOf(s), sourceOrder);
  }
  // Each cell: its current content (the latest valid version) in "Position", then every version in time order.
  const recordedAt = new Date().toISOString();
  const cells = new Map<string, TPositionInput[]>();
  for (const p of input.positions) cells.set(`${p.issue}|${p.party}`, [...(cells.get(`${p.issue}|${p.party}`) ?? []), p]);
  let citations = 0;
  for (const versions of cells.values()) {
    const { issue, party } = versions[0]!;
    const partyDate = partyDates.get(party)!;
    const current = currentVersion(versions, partyDate)!;
    const searchOf = (p: TPositionInput) => toPositionSearchText(p);
    const asOfOf = (p: TPositionInput) => p.asOf ?? partyDate;
    const positionId = sql.position.run(
      issueIds.get(issue),
      partyIds.get(party),
      current.label,
      current.summary,
      current.score,
      current.status,
      current.confidence,
      asOfOf(current),
      current.quote,
      current.notes,
      searchOf(current),
    ).lastInsertRowid;
    for (const [order, s] of current.sources.entries()) {
      // A cell citing the same source twice keeps its first citation.
      citations += sql.citation.run(positionId, sourceIdOf(s), order).changes;
    }
    const versionIds = new Map<string, number | bigint>();
    for (const p of inTimeOrder(versions, partyDate)) {
      const validity = parseValidity(asOfOf(p));
      const versionId = sql.version.run({
        positionId,
        issueId: issueIds.get(issue),
        partyId: partyIds.get(party),
        label: p.label,
        summary: p.summary,
        score: p.score,
        status: p.status,
        confidence: p.confidence,
        asOf: asOfOf(p),
        ...validity,
        isApproximate: validity.isApproximate ? 1 : 0,
        quote: p.quote,
        notes: p.notes,
        searchText: searchOf(p),
        recordedAt: p.recordedAt ?? recordedAt,
        eventId: p.event === null ? null : eventIds.get(p.event),
        retractsId: p.retracts === null ? null : versionIds.get(p.retracts),
      }).lastInsertRowid;
      if (p.retracts === null) versionIds.set(asOfOf(p), versionId);
      if (p === current) sql.current.run(versionId, positionId);
      for (const [order, s] of p.sources.entries()) sql.versionSource.run(versionId, sourceIdOf(s), order);
    }
  }
  sql.dataVersion.run(negotiationId);
  const { slug, issues, parties, positions } = input;
  return {
    slug,
    issues: issues.length,
    parties: parties.length,
    cells: cells.size,
    versions: positions.length,
    sources: sourceIds.size,
    citations,
    replaced,
  };
}

/**
 * The one write path: validates a whole negotiation (throws `NegotiationValidationError` listing
 * every problem) and writes it in one transaction, replacing a stored negotiation of the same slug
 * only when `replace` is set. All or nothing: a failure leaves the previous data untouched, and
 * readers keep seeing the previous data until the transaction commits.
 */
export function importNegotiation(raw: unknown, options: { replace: boolean }): TImportSummary {
  const input = parseNegotiationInput(raw);
  const db = getDatabase();
  return db.transaction(() => writeNegotiation(db, input, options.replace)).immediate();
}

/** Writes a negotiation, replacing any stored one with its slug (running it twice leaves the same data). */
export function replaceNegotiation(raw: unknown): TImportSummary {
  return importNegotiation(raw, { replace: true });
}

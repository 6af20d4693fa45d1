import "server-only";
import type Database from "better-sqlite3";
import { getDatabase } from "../db";
import { parseNegotiationInput, type TNegotiationInput } from "../negotiation-input";
import { formatSourceLine } from "../format";
import { foldText } from "../text";

export type TImportSummary = {
  slug: string;
  issues: number;
  parties: number;
  cells: number;
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

function sourceKey(s: TNegotiationInput["positions"][number]["sources"][number]): string {
  return JSON.stringify([s.title, s.publisher, s.url, s.publishedAt, s.isDateApproximate, s.note, s.kind, s.relays, s.flags]);
}

export type TPositionSearchFields = {
  label: string;
  summary: string;
  quote: string | null;
  notes: string | null;
  partyName: string;
  sources: readonly { title: string; publisher: string }[];
};

/** What a position's search looks in: its label, summary, quote and notes, its party's name and its sources' titles and publishers, folded. */
export function toPositionSearchText(p: TPositionSearchFields): string {
  const parts = [p.label, p.summary, p.quote, p.notes, p.partyName, ...p.sources.flatMap((s) => [s.title, s.publisher])];
  return foldText(parts.filter(Boolean).join("\n"));
}

/**
 * The date the data is current to, computed from the data: the latest of the dossier's stated date
 * and every full date (YYYY-MM-DD) of its sources and events, so that nothing shown is dated after it.
 */
export function dataAsOf(input: Pick<TNegotiationInput, "asOf" | "positions" | "events">): string {
  const dates = [
    input.asOf,
    ...input.positions.flatMap((p) => p.sources.map((s) => s.publishedAt)),
    ...input.events.flatMap((e) => [e.date, ...e.sources.map((s) => s.publishedAt)]),
  ];
  return dates.filter((d): d is string => d !== null && /^\d{4}-\d{2}-\d{2}$/.test(d)).reduce((latest, d) => (d > latest ? d : latest));
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
    source: db.prepare(
      `INSERT INTO "Source" ("negotiationId", "title", "publisher", "url", "publishedAt", "isDateApproximate", "note", "citation", "kind", "relays", "flags") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    position: db.prepare(
      `INSERT INTO "Position" ("issueId", "partyId", "label", "summary", "score", "status", "confidence", "asOf", "quote", "notes", "searchText") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    citation: db.prepare(`INSERT OR IGNORE INTO "PositionSource" ("positionId", "sourceId", "sortOrder") VALUES (?, ?, ?)`),
    event: db.prepare(`INSERT INTO "Event" ("negotiationId", "date", "title", "summary", "sortOrder") VALUES (?, ?, ?, ?, ?)`),
    eventSource: db.prepare(`INSERT OR IGNORE INTO "EventSource" ("eventId", "sourceId", "sortOrder") VALUES (?, ?, ?)`),
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
  const partyNames = new Map(input.parties.map((p) => [p.slug, p.name]));
  for (const [order, p] of input.parties.entries()) {
    partyIds.set(p.slug, sql.party.run(negotiationId, p.slug, p.name, p.kind, p.date, p.description, order).lastInsertRowid);
  }
  const sourceIds = new Map<string, number | bigint>();
  /** The id of a source, written the first time it is cited: each source once per negotiation. */
  const sourceIdOf = (s: TNegotiationInput["positions"][number]["sources"][number]) => {
    const key = sourceKey(s);
    let sourceId = sourceIds.get(key);
    if (sourceId === undefined) {
      sourceId = sql.source.run(
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
        JSON.stringify(s.flags),
      ).lastInsertRowid;
      sourceIds.set(key, sourceId);
    }
    return sourceId;
  };
  let citations = 0;
  for (const p of input.positions) {
    const search = toPositionSearchText({ ...p, partyName: partyNames.get(p.party)! });
    const positionId = sql.position.run(
      issueIds.get(p.issue),
      partyIds.get(p.party),
      p.label,
      p.summary,
      p.score,
      p.status,
      p.confidence,
      p.asOf,
      p.quote,
      p.notes,
      search,
    ).lastInsertRowid;
    for (const [order, s] of p.sources.entries()) {
      const sourceId = sourceIdOf(s);
      // A cell citing the same source twice keeps its first citation.
      citations += sql.citation.run(positionId, sourceId, order).changes;
    }
  }
  // Events in date order (ties in file order), their sources in the same bibliography.
  const events = input.events.map((e, index) => ({ e, index })).sort((x, y) => x.e.date.localeCompare(y.e.date) || x.index - y.index);
  for (const [order, { e }] of events.entries()) {
    const eventId = sql.event.run(negotiationId, e.date, e.title, e.summary, order).lastInsertRowid;
    for (const [sourceOrder, s] of e.sources.entries()) sql.eventSource.run(eventId, sourceIdOf(s), sourceOrder);
  }
  const { slug, issues, parties, positions } = input;
  return { slug, issues: issues.length, parties: parties.length, cells: positions.length, sources: sourceIds.size, citations, replaced };
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

import "server-only";
import { diffVersions, type TFieldChange, type TLoggedVersion } from "../changes";
import type { TNegotiationInfo } from "../matrix";
import { isCalendarDay, readParam, type TRawSearchParams } from "../matrix-params";
import { getDatabase } from "../db";
import { findNegotiation } from "./matrix-sql";
import { toInfo } from "./matrix-view";
import { listAuditEntries, type TAuditEntry } from "./structure";

// The audit trail of a negotiation: every version ever recorded, newest first, with who entered it
// (display name only), when, why, and what it changed against the cell's version before it.

/** Entries per page of the log; the Atom feed carries the newest FEED_ENTRIES. */
export const LOG_PAGE = 100;
export const FEED_ENTRIES = 50;
/** Structure changes shown on the log's first page. */
export const STRUCTURE_ENTRIES = 100;

export type TLogFilters = { issue: string | null; party: string | null; editor: string | null; from: string | null; to: string | null };

export type TLogEntry = {
  id: number;
  recordedAt: string;
  /** The editor's display name; null for a dossier imported from the command line. */
  author: string | null;
  reason: string | null;
  issue: { slug: string; name: string };
  party: { slug: string; name: string };
  changes: TFieldChange[];
  first: boolean;
};

export type TChangeLog = {
  negotiation: TNegotiationInfo;
  filters: TLogFilters;
  entries: TLogEntry[];
  /** The id to pass as `before` for the next (older) page, or null on the last page. */
  nextBefore: number | null;
  /** The choices of the filters: issues, parties and editors' names. */
  options: { issues: { slug: string; name: string }[]; parties: { slug: string; name: string }[]; editors: string[] };
  /** The newest changes to the negotiation's issues, parties and events (unfiltered; on the first page only). */
  structure: TAuditEntry[];
  notices: string[];
};

/** The log's filters from a URL; a malformed date is ignored with a notice. */
export function parseLogFilters(raw: TRawSearchParams, notices: string[]): TLogFilters & { before: number | null } {
  const day = (key: "from" | "to") => {
    const value = readParam(raw, key);
    if (!value) return null;
    if (isCalendarDay(value)) return value;
    notices.push(`Ignored the date “${value.slice(0, 40)}” for “${key}”: a date is YYYY-MM-DD.`);
    return null;
  };
  const before = Number(readParam(raw, "before"));
  return {
    issue: readParam(raw, "issue")?.slice(0, 60) || null,
    party: readParam(raw, "party")?.slice(0, 60) || null,
    editor: readParam(raw, "editor")?.slice(0, 100) || null,
    from: day("from"),
    to: day("to"),
    before: Number.isSafeInteger(before) && before > 0 ? before : null,
  };
}

type TVersionRow = Omit<TLoggedVersion, "sources"> & {
  id: number;
  positionId: number;
  recordedAt: string;
  author: string | null;
  reason: string | null;
  issueSlug: string;
  issueName: string;
  partySlug: string;
  partyName: string;
};

/** One page of a negotiation's log (one read transaction); null for an unknown negotiation. */
export function getChangeLog(slug: string, raw: TRawSearchParams, limit = LOG_PAGE): TChangeLog | null {
  const db = getDatabase();
  return db.transaction((): TChangeLog | null => {
    const negotiation = findNegotiation(db, slug);
    if (!negotiation) return null;
    const notices: string[] = [];
    const { before, ...filters } = parseLogFilters(raw, notices);
    const rows = db
      .prepare(
        `SELECT v."id", v."positionId", v."recordedAt", u."name" AS "author", v."reason", v."label", v."score", v."status", v."confidence",
           v."asOf", v."summary", v."quote", v."notes", i."slug" AS "issueSlug", i."name" AS "issueName", p."slug" AS "partySlug", p."name" AS "partyName"
         FROM "PositionVersion" v JOIN "Issue" i ON i."id" = v."issueId" JOIN "Party" p ON p."id" = v."partyId"
         LEFT JOIN "User" u ON u."id" = v."authorId"
         WHERE i."negotiationId" = @negotiation AND (@before IS NULL OR v."id" < @before)
           AND (@issue IS NULL OR i."slug" = @issue) AND (@party IS NULL OR p."slug" = @party)
           AND (@editor IS NULL OR u."name" = @editor)
           AND (@from IS NULL OR substr(v."recordedAt", 1, 10) >= @from) AND (@to IS NULL OR substr(v."recordedAt", 1, 10) <= @to)
         ORDER BY v."id" DESC LIMIT @limit`,
      )
      .all({ negotiation: negotiation.id, before, ...filters, limit: limit + 1 }) as TVersionRow[];
    const page = rows.slice(0, limit);
    // Each entry's previous version of the same cell (in recording order), for its diff.
    const previous = db.prepare(
      `SELECT "id", "positionId", "label", "score", "status", "confidence", "asOf", "summary", "quote", "notes" FROM "PositionVersion"
       WHERE "positionId" = ? AND "id" < ? ORDER BY "id" DESC LIMIT 1`,
    );
    const sourcesOf = db
      .prepare(
        `SELECT s."title" FROM "PositionVersionSource" vs JOIN "Source" s ON s."id" = vs."sourceId" WHERE vs."versionId" = ? ORDER BY vs."sortOrder"`,
      )
      .pluck();
    const logged = (
      row: Omit<TVersionRow, "recordedAt" | "author" | "reason" | "issueSlug" | "issueName" | "partySlug" | "partyName">,
    ): TLoggedVersion => ({
      score: row.score,
      status: row.status,
      label: row.label,
      confidence: row.confidence,
      asOf: row.asOf,
      summary: row.summary,
      quote: row.quote,
      notes: row.notes,
      sources: sourcesOf.all(row.id) as string[],
    });
    const entries = page.map((row): TLogEntry => {
      const prior = previous.get(row.positionId, row.id) as TVersionRow | undefined;
      return {
        id: row.id,
        recordedAt: row.recordedAt,
        author: row.author,
        reason: row.reason,
        issue: { slug: row.issueSlug, name: row.issueName },
        party: { slug: row.partySlug, name: row.partyName },
        changes: diffVersions(prior ? logged(prior) : null, logged(row)),
        first: prior === undefined,
      };
    });
    const options = {
      issues: db
        .prepare(`SELECT "slug", "name" FROM "Issue" WHERE "negotiationId" = ? ORDER BY "sortOrder" LIMIT 1000`)
        .all(negotiation.id) as TChangeLog["options"]["issues"],
      parties: db
        .prepare(`SELECT "slug", "name" FROM "Party" WHERE "negotiationId" = ? ORDER BY "sortOrder"`)
        .all(negotiation.id) as TChangeLog["options"]["parties"],
      editors: db
        .prepare(
          `SELECT DISTINCT u."name" FROM "User" u WHERE EXISTS (SELECT 1 FROM "PositionVersion" v JOIN "Issue" i ON i."id" = v."issueId" WHERE v."authorId" = u."id" AND i."negotiationId" = ?) ORDER BY u."name"`,
        )
        .pluck()
        .all(negotiation.id) as string[],
    };
    return {
      negotiation: toInfo(negotiation),
      filters,
      entries,
      nextBefore: rows.length > limit ? page.at(-1)!.id : null,
      options,
      structure: before === null ? listAuditEntries(negotiation.id, STRUCTURE_ENTRIES) : [],
      notices,
    };
  })();
}

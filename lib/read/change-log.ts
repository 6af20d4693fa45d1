import "server-only";
import { diffVersions, type TFieldChange, type TLoggedVersion } from "../analysis/changes";
import { readReadings, VERSION_CONTENT, withReadings } from "../cells/read";
import { describeReadings } from "../cells/readings";
import { readSnapshot } from "../db/transactions";
import { isCalendarDay } from "../domain/dates";
import { toStatus, type TNegotiationInfo } from "../domain/words";
import { readParam, type TRawSearchParams } from "../params/matrix-params";
import { readAuditEntries, type TAuditEntry } from "./audit";
import { toInfo } from "./matrix-view";
import { findNegotiation, listIssueOptions, listParties } from "./rows";

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

/** One page of a negotiation's log (one read snapshot); null for an unknown negotiation. */
export function getChangeLog(slug: string, raw: TRawSearchParams, limit = LOG_PAGE): Promise<TChangeLog | null> {
  return readSnapshot(async (db): Promise<TChangeLog | null> => {
    const negotiation = await findNegotiation(db, slug);
    if (!negotiation) return null;
    const notices: string[] = [];
    const { before, ...filters } = parseLogFilters(raw, notices);
    let query = db
      .selectFrom("PositionVersion as v")
      .innerJoin("Issue as i", "i.id", "v.issueId")
      .innerJoin("Party as p", "p.id", "v.partyId")
      .leftJoin("User as u", "u.id", "v.authorId")
      .select([
        "v.id",
        "v.positionId",
        "v.recordedAt",
        "u.name as author",
        "v.reason",
        "i.slug as issueSlug",
        "i.name as issueName",
        "p.slug as partySlug",
        "p.name as partyName",
        ...VERSION_CONTENT,
      ])
      .where("i.negotiationId", "=", negotiation.id);
    if (before !== null) query = query.where("v.id", "<", before);
    if (filters.issue !== null) query = query.where("i.slug", "=", filters.issue);
    if (filters.party !== null) query = query.where("p.slug", "=", filters.party);
    if (filters.editor !== null) query = query.where("u.name", "=", filters.editor);
    // recordedAt is ISO 8601 (UTC): its first ten characters are its day, and days compare as texts.
    if (filters.from !== null) query = query.where("v.recordedAt", ">=", filters.from);
    if (filters.to !== null) query = query.where("v.recordedAt", "<", `${filters.to}T99`);
    const rows = await query
      .orderBy("v.id", "desc")
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    type TStored = Pick<
      (typeof rows)[number],
      "id" | "label" | "score" | "status" | "confidence" | "asOf" | "summary" | "quote" | "notes" | "preferredReason" | "readingCount"
    >;
    const logged = async (row: TStored): Promise<TLoggedVersion> => ({
      score: row.score,
      status: toStatus(row.status),
      label: row.label,
      confidence: row.confidence,
      asOf: row.asOf,
      summary: row.summary,
      quote: row.quote,
      notes: row.notes,
      sources: (
        await db
          .selectFrom("PositionVersionSource as vs")
          .innerJoin("Source as s", "s.id", "vs.sourceId")
          .select("s.title")
          .where("vs.versionId", "=", row.id)
          .orderBy("vs.sortOrder")
          .execute()
      ).map((s) => s.title),
      readings: describeReadings({
        preferredReason: row.preferredReason,
        readings: (await readReadings(db, withReadings([row]), new Map())).get(row.id) ?? [],
      }),
    });
    const entries: TLogEntry[] = [];
    for (const row of page) {
      // The entry's previous version of the same cell (in recording order), for its diff.
      const prior = await db
        .selectFrom("PositionVersion as v")
        .select(["v.id", "v.positionId", "v.recordedAt", "v.reason", ...VERSION_CONTENT])
        .where("v.positionId", "=", row.positionId)
        .where("v.id", "<", row.id)
        .orderBy("v.id", "desc")
        .limit(1)
        .executeTakeFirst();
      entries.push({
        id: row.id,
        recordedAt: row.recordedAt,
        author: row.author,
        reason: row.reason,
        issue: { slug: row.issueSlug, name: row.issueName },
        party: { slug: row.partySlug, name: row.partyName },
        changes: diffVersions(prior ? await logged(prior) : null, await logged(row)),
        first: prior === undefined,
      });
    }
    const editors = await db
      .selectFrom("User as u")
      .select("u.name")
      .distinct()
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("PositionVersion as v")
            .innerJoin("Issue as i", "i.id", "v.issueId")
            .select("v.id")
            .whereRef("v.authorId", "=", "u.id")
            .where("i.negotiationId", "=", negotiation.id),
        ),
      )
      .orderBy("u.name")
      .execute();
    const options = {
      issues: await listIssueOptions(db, negotiation.id, 1000),
      parties: (await listParties(db, negotiation.id)).map(({ slug, name }) => ({ slug, name })),
      editors: editors.map((e) => e.name),
    };
    return {
      negotiation: toInfo(negotiation),
      filters,
      entries,
      nextBefore: rows.length > limit ? page.at(-1)!.id : null,
      options,
      structure: before === null ? await readAuditEntries(db, negotiation.id, STRUCTURE_ENTRIES) : [],
      notices,
    };
  });
}

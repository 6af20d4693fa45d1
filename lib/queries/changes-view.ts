import "server-only";
import { changedFields, describeChange, type TCellState, type TChangeKind } from "../changes";
import type { TConfidence, TIssue, TParty, TStatus } from "../domain";
import { formatDate } from "../format";
import type { TNegotiationInfo } from "../matrix";
import { isCalendarDay, parseAsOf, readParam, toUrlSearchParams, type TMatrixParams, type TRawSearchParams } from "../matrix-params";
import { getDatabase } from "../db";
import { isUnpublished, readerAsOf } from "./as-of";
import { findNegotiation, listParties, selectIssues, selectRowIds } from "./matrix-sql";
import { readViewBase, toInfo, toParty } from "./matrix-view";
import { readNumbering, selectVersionSources, type TNumberedSource } from "./entity-views";

/** The CSV and JSON list at most this many changed cells; the page, PAGE_CHANGES (the first of the same list). */
export const MAX_CHANGES = 5000;
export const PAGE_CHANGES = 500;

/** A cell at one of the two dates: what the changes view compares, and the date of the version. */
export type TChangeState = TCellState & { asOf: string };

export type TChange = {
  issue: TIssue;
  party: TParty;
  /** Null when the cell had no version yet on `from` (or its document was not yet published). */
  before: TChangeState | null;
  after: TChangeState & {
    versionId: number;
    summary: string;
    confidence: TConfidence;
    quote: string | null;
    notes: string | null;
    recordedAt: string;
    event: { slug: string | null; date: string; title: string } | null;
    sources: TNumberedSource[];
  };
  fields: TChangeKind[];
  /** The change in the issue's own words. */
  change: string;
};

export type TChangesView = {
  negotiation: TNegotiationInfo & { dataVersion: string };
  from: string;
  to: string;
  /** The matrix filters the view honours (issues, parties, q), with `asOf` set to `to`. */
  filters: TMatrixParams;
  notices: string[];
  changes: TChange[];
  /** Changed cells in all, before the cut to `limit`, and how many of them are shifts of a position held on both days. */
  total: number;
  shifts: number;
};

type TStateRow = { issueId: number; partyId: number; versionId: number } & TChangeState;

/** A day from the URL, or the fallback with a notice when it is not a calendar day. */
function readDay(raw: TRawSearchParams, key: "from" | "to", fallback: string, notices: string[]): string {
  const value = readParam(raw, key)?.trim();
  if (value === undefined || value === "") return fallback;
  if (isCalendarDay(value)) return value;
  notices.push(`Ignored ${key} “${value.slice(0, 40)}” (expected a day such as 2025-12-15); using ${formatDate(fallback)}.`);
  return fallback;
}

/**
 * The cells of a view whose score, status or label differ between two days (`from`, `to`), each
 * with both states, the change in the issue's words, and the new version's sources and event. The
 * matrix filters (issues, parties, search) apply as on the matrix as of `to`; a document not yet
 * published on `from` counts as having no version then. All in one read transaction. Defaults:
 * `from` the first document's date, `to` the data's as-of date. Null when the negotiation does not exist.
 */
export function getChangesView(slug: string, raw: TRawSearchParams, limit = MAX_CHANGES): TChangesView | null {
  const db = getDatabase();
  return db.transaction((): TChangesView | null => {
    // The defaults need only the negotiation and its parties; the view itself is read as of `to`.
    const negotiation = findNegotiation(db, slug);
    if (!negotiation) return null;
    const notices: string[] = [];
    const firstDocument =
      listParties(db, negotiation.id)
        .filter((p) => p.kind === "document")
        .map((p) => p.date.slice(0, 10))
        .sort()[0] ?? negotiation.asOf;
    let from = readDay(raw, "from", firstDocument, notices);
    // A view as of a day (`asOf`, as the other tabs pass it) lists what changed up to that day.
    let to = readDay(raw, "to", parseAsOf(raw, notices) ?? negotiation.asOf, notices);
    if (from > to) {
      notices.push(`“From” was after “to”; the two dates were swapped.`);
      [from, to] = [to, from];
    }
    const search = toUrlSearchParams(raw);
    search.set("asOf", to);
    const base = readViewBase(db, slug, search)!;
    notices.push(...base.notices);
    const rowIds = selectRowIds(base.db, { ...base.filter, sort: "order" });
    const parties = base.shownParties;
    const key = (issueId: number, partyId: number) => `${issueId}|${partyId}`;
    // Only a cell with a version dated between the two days, or of a document published between
    // them, can differ: those are the candidates, so the work follows the changes, not the dossier.
    const rows = new Set(rowIds);
    const unpublishedBefore = new Set(parties.filter((p) => isUnpublished(p, from)).map((p) => p.id));
    const shown = new Set(parties.map((p) => p.id));
    const candidates = new Map<string, [number, number]>();
    const dated = db
      .prepare(
        `SELECT v."issueId", v."partyId" FROM "PositionVersion" v JOIN "Party" pa ON pa."id" = v."partyId"
         WHERE pa."negotiationId" = ? AND v."validFrom" > ? AND v."validFrom" <= ?`,
      )
      .raw()
      .all(base.negotiation.id, from, to) as [number, number][];
    for (const [issueId, partyId] of dated) {
      if (rows.has(issueId) && shown.has(partyId)) candidates.set(key(issueId, partyId), [issueId, partyId]);
    }
    for (const partyId of unpublishedBefore) for (const issueId of rowIds) candidates.set(key(issueId, partyId), [issueId, partyId]);
    const pairs = JSON.stringify([...candidates.values()]);
    const statesAt = (day: string) =>
      readerAsOf(db, day)
        .prepare(
          `SELECT "issueId", "partyId", "versionId", "score", "status", "label", "asOf" FROM "Position"
           WHERE ("issueId", "partyId") IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))`,
        )
        .all(pairs) as TStateRow[];
    const before = new Map(
      statesAt(from)
        .filter((s) => !unpublishedBefore.has(s.partyId))
        .map((s) => [key(s.issueId, s.partyId), s]),
    );
    const rowOrder = new Map(rowIds.map((id, index) => [id, index]));
    const columnOrder = new Map(parties.map((p, index) => [p.id, index]));
    const changed = statesAt(to)
      .map((after) => ({ after, before: before.get(key(after.issueId, after.partyId)) ?? null }))
      .filter(({ before, after }) => changedFields(before, after).length > 0)
      // Shifts of positions held at both dates first, then cells first recorded in between; each in matrix order.
      .sort(
        (x, y) =>
          Number(x.before === null) - Number(y.before === null) ||
          rowOrder.get(x.after.issueId)! - rowOrder.get(y.after.issueId)! ||
          columnOrder.get(x.after.partyId)! - columnOrder.get(y.after.partyId)!,
      );
    if (changed.length > limit)
      notices.push(
        `Only the first ${limit} of ${changed.length} changed cells are listed${limit < MAX_CHANGES ? `; the CSV and JSON list up to ${MAX_CHANGES}` : ""}.`,
      );
    const listed = changed.slice(0, limit);
    const issues = new Map(selectIssues(db, [...new Set(listed.map((c) => c.after.issueId))]).map((i) => [i.id, i]));
    const partyById = new Map(parties.map((p) => [p.id, p]));
    const details = new Map(
      (
        db
          .prepare(
            `SELECT v."id", v."summary", v."confidence", v."quote", v."notes", v."recordedAt", e."slug" AS "eventSlug", e."date" AS "eventDate", e."title" AS "eventTitle"
             FROM "PositionVersion" v LEFT JOIN "Event" e ON e."id" = v."eventId" WHERE v."id" IN (SELECT value FROM json_each(?))`,
          )
          .all(JSON.stringify(listed.map((c) => c.after.versionId))) as {
          id: number;
          summary: string;
          confidence: TConfidence;
          quote: string | null;
          notes: string | null;
          recordedAt: string;
          eventSlug: string | null;
          eventDate: string | null;
          eventTitle: string | null;
        }[]
      ).map((row) => [row.id, row]),
    );
    const sources = selectVersionSources(
      db,
      listed.map((c) => c.after.versionId),
      readNumbering(db, base.negotiation.id),
    );
    const state = ({ score, status, label, asOf }: TStateRow): TChangeState => ({ score, status: status as TStatus, label, asOf });
    const changes = listed.map(({ before, after }): TChange => {
      const { id: _, ...issue } = issues.get(after.issueId)!;
      const detail = details.get(after.versionId)!;
      const { eventSlug, eventDate, eventTitle, id: _id, ...rest } = detail;
      return {
        issue,
        party: toParty(partyById.get(after.partyId)!),
        before: before && state(before),
        after: {
          ...state(after),
          ...rest,
          versionId: after.versionId,
          event: eventDate === null ? null : { slug: eventSlug, date: eventDate, title: eventTitle! },
          sources: sources.get(after.versionId) ?? [],
        },
        fields: changedFields(before, after),
        change: describeChange(before, after, issue),
      };
    });
    return {
      negotiation: { ...toInfo(base.negotiation), dataVersion: base.negotiation.dataVersion },
      from,
      to,
      filters: base.params,
      notices,
      changes,
      total: changed.length,
      shifts: changed.filter((c) => c.before !== null).length,
    };
  })();
}

import "server-only";
import { changedFields, describeChange, type TCellState, type TChangeKind } from "../analysis/changes";
import type { TNumberedSource } from "../cells/cell";
import { cellsOn } from "../cells/current";
import { storedRange, toEvidence } from "../cells/read";
import { readNumberedSources, readNumbering } from "../cells/sources";
import type { TRange } from "../cells/readings";
import type { TEvidence } from "../cells/confidence";
import type { TDb } from "../db/connection";
import { inIds } from "../db/dialect";
import { readSnapshot } from "../db/transactions";
import { isCalendarDay, isUnpublished } from "../domain/dates";
import { formatDate } from "../domain/format";
import { toConfidence, toStatus, type TConfidence, type TIssue, type TNegotiationInfo, type TParty } from "../domain/words";
import { parseAsOf, readParam, toUrlSearchParams, type TMatrixParams, type TRawSearchParams } from "../params/matrix-params";
import { readViewBase, toInfo, toParty } from "./matrix-view";
import { findNegotiation, listParties, selectIssues, selectRowIds } from "./rows";

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
    confidenceReason: string | null;
    evidence: TEvidence | null;
    /** Whether its readings disagree, and their lowest and highest score (lib/cells/readings.ts). */
    contested: boolean;
    range: TRange | null;
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

type TStateRow = TChangeState & { issueId: number; partyId: number; versionId: number };

/** A day from the URL, or the fallback with a notice when it is not a calendar day. */
function readDay(raw: TRawSearchParams, key: "from" | "to", fallback: string, notices: string[]): string {
  const value = readParam(raw, key)?.trim();
  if (value === undefined || value === "") return fallback;
  if (isCalendarDay(value)) return value;
  notices.push(`Ignored ${key} “${value.slice(0, 40)}” (expected a day such as 2025-12-15); using ${formatDate(fallback)}.`);
  return fallback;
}

/** The states of candidate cells on a day, keyed "issueId|partyId". */
async function statesOn(db: TDb, day: string, candidates: Map<string, [number, number]>): Promise<Map<string, TStateRow>> {
  const pairs = [...candidates.values()];
  const rows =
    pairs.length === 0
      ? []
      : await db
          .selectFrom(cellsOn(db, day))
          .innerJoin("PositionVersion as v", "v.id", "c.versionId")
          .select(["c.issueId", "c.partyId", "v.id as versionId", "v.score", "v.status", "v.label", "v.asOf"])
          .where((eb) =>
            eb.and([
              inIds(eb.ref("c.issueId"), [...new Set(pairs.map((p) => p[0]))]),
              inIds(eb.ref("c.partyId"), [...new Set(pairs.map((p) => p[1]))]),
            ]),
          )
          .execute();
  return new Map(
    rows
      .filter((r) => candidates.has(`${r.issueId}|${r.partyId}`))
      .map((r) => [`${r.issueId}|${r.partyId}`, { ...r, status: toStatus(r.status) }]),
  );
}

/**
 * The cells of a view whose score, status or label differ between two days (`from`, `to`), each
 * with both states, the change in the issue's words, and the new version's sources and event. The
 * matrix filters (issues, parties, search) apply as on the matrix as of `to`; a document not yet
 * published on `from` counts as having no version then. All in one read snapshot. Defaults:
 * `from` the first document's date, `to` the data's as-of date. Null when the negotiation does not exist.
 */
export function getChangesView(slug: string, raw: TRawSearchParams, limit = MAX_CHANGES): Promise<TChangesView | null> {
  return readSnapshot(async (db): Promise<TChangesView | null> => {
    // The defaults need only the negotiation and its parties; the view itself is read as of `to`.
    const negotiation = await findNegotiation(db, slug);
    if (!negotiation) return null;
    const notices: string[] = [];
    const firstDocument =
      (await listParties(db, negotiation.id))
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
    const base = (await readViewBase(db, slug, search))!;
    notices.push(...base.notices);
    const rowIds = await selectRowIds(db, { ...base.filter, sort: "order" });
    const parties = base.shownParties;
    const key = (issueId: number, partyId: number) => `${issueId}|${partyId}`;
    // Only a cell with a version dated between the two days, or of a document published between
    // them, can differ: those are the candidates, so the work follows the changes, not the dossier.
    const rows = new Set(rowIds);
    const unpublishedBefore = new Set(parties.filter((p) => isUnpublished(p, from)).map((p) => p.id));
    const shown = new Set(parties.map((p) => p.id));
    const candidates = new Map<string, [number, number]>();
    const dated = await db
      .selectFrom("PositionVersion as v")
      .innerJoin("Party as pa", "pa.id", "v.partyId")
      .select(["v.issueId", "v.partyId"])
      .where("pa.negotiationId", "=", base.negotiation.id)
      .where("v.validFrom", ">", from)
      .where("v.validFrom", "<=", to)
      .execute();
    for (const { issueId, partyId } of dated) {
      if (rows.has(issueId) && shown.has(partyId)) candidates.set(key(issueId, partyId), [issueId, partyId]);
    }
    for (const partyId of unpublishedBefore) for (const issueId of rowIds) candidates.set(key(issueId, partyId), [issueId, partyId]);
    const before = await statesOn(db, from, candidates);
    for (const [cell, state] of before) if (unpublishedBefore.has(state.partyId)) before.delete(cell);
    const rowOrder = new Map(rowIds.map((id, index) => [id, index]));
    const columnOrder = new Map(parties.map((p, index) => [p.id, index]));
    const changed = [...(await statesOn(db, to, candidates)).values()]
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
    const versionIds = listed.map((c) => c.after.versionId);
    const issues = new Map((await selectIssues(db, [...new Set(listed.map((c) => c.after.issueId))])).map((i) => [i.id, i]));
    const partyById = new Map(parties.map((p) => [p.id, p]));
    const details = new Map(
      (
        await db
          .selectFrom("PositionVersion as v")
          .leftJoin("Event as e", "e.id", "v.eventId")
          .select([
            "v.id",
            "v.summary",
            "v.confidence",
            "v.quote",
            "v.notes",
            "v.confidenceReason",
            "v.originals",
            "v.agreement",
            "v.contested",
            "v.scoreMin",
            "v.scoreMax",
            "v.recordedAt",
            "e.slug as eventSlug",
            "e.date as eventDate",
            "e.title as eventTitle",
          ])
          .where((eb) => inIds(eb.ref("v.id"), versionIds))
          .execute()
      ).map((row) => [row.id, row]),
    );
    const sources = await readNumberedSources(db, versionIds, await readNumbering(db, base.negotiation.id));
    const state = ({ score, status, label, asOf }: TStateRow): TChangeState => ({ score, status, label, asOf });
    const changes = listed.map(({ before, after }): TChange => {
      const { id: _, ...issue } = issues.get(after.issueId)!;
      const {
        eventSlug,
        eventDate,
        eventTitle,
        id: _id,
        confidence,
        originals,
        agreement,
        contested,
        scoreMin,
        scoreMax,
        ...rest
      } = details.get(after.versionId)!;
      return {
        issue,
        party: toParty(partyById.get(after.partyId)!),
        before: before && state(before),
        after: {
          ...state(after),
          ...rest,
          confidence: toConfidence(confidence),
          evidence: toEvidence(originals, agreement),
          contested: contested === 1,
          range: storedRange(after.score, scoreMin, scoreMax),
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
  });
}

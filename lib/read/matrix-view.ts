import "server-only";
import { cache } from "react";
import { readCellGrid } from "../cells/read";
import { type TSourceCache } from "../cells/sources";
import { assembleMatrix, type TMatrix } from "../analysis/matrix";
import type { TDb } from "../db/connection";
import { readSnapshot } from "../db/transactions";
import { countOpenPoints } from "../lineage/read";
import { isUnpublished } from "../domain/dates";
import { formatDate, formatDateText } from "../domain/format";
import { foldText } from "../domain/text";
import type { TNegotiationInfo, TOption, TParty } from "../domain/words";
import {
  askedSlugs,
  MAX_SLUGS,
  parseMatrixParams,
  sortParty,
  type TAnchorMode,
  toKnownSlugs,
  type TMatrixParams,
  type TRawSearchParams,
} from "../params/matrix-params";
import {
  countContested,
  countMatches,
  countRows,
  findNegotiation,
  knownIssueSlugs,
  listIssueOptions,
  listParties,
  selectIssues,
  selectRowIds,
  type TNegotiationRow,
  type TPartyRow,
  type TRowFilter,
} from "./rows";

/** A matrix page shows at most about this many cells; rows per page follow from the parties shown. */
export const PAGE_CELLS = 500;
const MIN_PAGE_ROWS = 10;
const MAX_PAGE_ROWS = 100;
/** Above this many issues, the filter lists only the chosen ones instead of every issue. */
export const MAX_ISSUE_OPTIONS = 100;

/** Rows per page for a number of shown parties. */
export function rowsPerPage(partyCount: number): number {
  return Math.min(MAX_PAGE_ROWS, Math.max(MIN_PAGE_ROWS, Math.floor(PAGE_CELLS / Math.max(1, partyCount))));
}

/** What every view of a negotiation starts from: its fields, its parties, the parsed URL. */
export type TViewBase = {
  negotiation: TNegotiationRow;
  parties: TPartyRow[];
  shownParties: TPartyRow[];
  /** The shown parties that spread, stdev and "most contested" count: the scale's anchors are left out unless included. */
  measuredParties: TPartyRow[];
  anchors: TAnchors;
  params: TMatrixParams;
  notices: string[];
  filter: TRowFilter;
};

/**
 * The base of every view from a URL, in the caller's snapshot: the negotiation, its parties, the
 * URL parsed against its slugs (with notices), the parties shown on the view's day, and the row
 * filter. Null when the negotiation does not exist.
 */
export async function readViewBase(db: TDb, slug: string, raw: TRawSearchParams): Promise<TViewBase | null> {
  const negotiation = await findNegotiation(db, slug);
  if (!negotiation) return null;
  const parties = await listParties(db, negotiation.id);
  const parsed = parseMatrixParams(raw, {
    issues: await knownIssueSlugs(db, negotiation, askedSlugs(raw, "issues")),
    parties: toKnownSlugs(parties.map((p) => p.slug)),
  });
  const { notices } = parsed;
  let { params } = parsed;
  if (params.anchors === "include" && !negotiation.lowPoleParty && !negotiation.highPoleParty) {
    notices.push("Ignored anchors “include”: no party defines an end of this negotiation's scale, so every party is counted already.");
    params = { ...params, anchors: "exclude" };
  }
  // A document not yet published on the view's date is left out, never shown with positions it did not yet have.
  const unpublished = parties.filter((p) => isUnpublished(p, params.asOf) && (!params.parties || params.parties.includes(p.slug)));
  if (unpublished.length > 0)
    notices.push(
      `Not yet published on ${formatDate(params.asOf!)}, so left out: ${unpublished.map((p) => `${p.name} (${formatDateText(p.date)})`).join("; ")}.`,
    );
  const shownParties = (params.parties ? parties.filter((p) => params.parties!.includes(p.slug)) : parties).filter(
    (p) => !unpublished.includes(p),
  );
  const anchors = toAnchors(negotiation, parties, shownParties, params.anchors);
  const left = new Set(anchors.leftOut.map((p) => p.slug));
  const measuredParties = shownParties.filter((p) => !left.has(p.slug));
  const filter: TRowFilter = {
    negotiationId: negotiation.id,
    day: params.asOf,
    issues: params.issues,
    partyIds: shownParties.map((p) => p.id),
    metricPartyIds: measuredParties.map((p) => p.id),
    q: foldText(params.q),
    contested: params.contested,
    sort: params.sort,
    sortPartyId: parties.find((p) => p.slug === sortParty(params.sort))?.id,
  };
  return { negotiation, parties, shownParties, measuredParties, anchors, params, notices, filter };
}

/**
 * The parties that define the ends of the scale, and which of them the view leaves out of spread,
 * stdev and "most contested": those shown, unless the URL says `anchors=include`. With both poles
 * in the metric, every issue they both score has the full spread of 4 by construction.
 */
export type TAnchors = {
  low: TOption | null;
  high: TOption | null;
  mode: TAnchorMode;
  leftOut: TOption[];
};

function toAnchors(negotiation: TNegotiationRow, parties: TPartyRow[], shown: TPartyRow[], mode: TAnchorMode): TAnchors {
  const find = (slug: string | null) => {
    const party = slug === null ? undefined : parties.find((p) => p.slug === slug);
    return party ? { slug: party.slug, name: party.name } : null;
  };
  const low = find(negotiation.lowPoleParty);
  const high = find(negotiation.highPoleParty);
  const leftOut = mode === "include" ? [] : [low, high].filter((a): a is TOption => a !== null && shown.some((p) => p.slug === a.slug));
  return { low, high, mode, leftOut };
}

/** A negotiation row's public fields. */
export function toInfo({ slug, title, summary, asOf, scaleNote, lowEnd, highEnd }: TNegotiationRow): TNegotiationInfo {
  return { slug, title, summary, asOf, scaleNote, lowEnd, highEnd };
}

/** A party row's public fields (without its database id). */
export function toParty({ slug, name, kind, date, description, sortOrder }: TPartyRow): TParty {
  return { slug, name, kind, date, description, sortOrder };
}

/** Reads rows by id into a matrix (cells of the shown parties on the view's day, with sources; sources shared through `cache`). */
export async function readMatrix(db: TDb, base: TViewBase, rowIds: readonly number[], cache?: TSourceCache): Promise<TMatrix> {
  const issues = await selectIssues(db, rowIds);
  const grid = await readCellGrid(db, { day: base.params.asOf, issues, parties: base.shownParties, q: base.filter.q, cache });
  const measured = new Set(base.measuredParties.map((p) => p.slug));
  return assembleMatrix(
    toInfo(base.negotiation),
    issues.map(({ id: _, ...issue }) => issue),
    base.shownParties.map(toParty),
    grid,
    (party) => measured.has(party.slug),
  );
}

export type TPage = { number: number; size: number; rowCount: number; pageCount: number };

export type TMatrixView = {
  negotiation: TNegotiationInfo & { issueCount: number };
  /** Every party, for the filter. */
  partyOptions: TOption[];
  /** Every issue for the filter when there are few; otherwise null (the filter lists the chosen ones). */
  issueOptions: TOption[] | null;
  params: TMatrixParams;
  notices: string[];
  anchors: TAnchors;
  /** The rows of the current page. */
  matrix: TMatrix;
  page: TPage;
  /** One-click views: the core issues, the document parties, the actor parties (slugs, in order). */
  presets: TPresets;
  /** The negotiation's dated events (at most MAX_TICKS), the ticks of the date control. */
  ticks: { date: string; title: string }[];
  /** With a search: how many cells match it, in how many rows, and how many issue names (over every kept row, not one page). */
  search: { cells: number; rows: number; issueNames: number } | null;
  /** How many of the view's cells (every row, not one page) are contested: their independent sources disagree. */
  contested: number;
  /** Per draft traced in the lineage (published by the view's day), how many of its points concerning the issues shown are open. */
  openPoints: { draft: string; name: string; open: number; of: number }[];
};

/** The date control shows at most this many events. */
const MAX_TICKS = 500;

export type TPresets = { core: string[]; documents: string[]; actors: string[] };

/** The page view of a URL, in the caller's snapshot; null when the negotiation does not exist. */
export async function readMatrixView(db: TDb, slug: string, raw: TRawSearchParams): Promise<TMatrixView | null> {
  const base = await readViewBase(db, slug, raw);
  if (!base) return null;
  const size = rowsPerPage(base.shownParties.length);
  const rowCount = await countRows(db, base.filter);
  const pageCount = Math.max(1, Math.ceil(rowCount / size));
  const params = { ...base.params };
  if (params.page > pageCount) {
    base.notices.push(`There are only ${pageCount} page${pageCount === 1 ? "" : "s"}; showing the last.`);
    params.page = pageCount;
  }
  const { negotiation } = base;
  // One transaction is one connection: its queries run one after another.
  const rowIds = await selectRowIds(db, base.filter, { limit: size, offset: (params.page - 1) * size });
  const search = base.filter.q ? await countMatches(db, base.filter) : null;
  const contested = await countContested(db, base.filter);
  const issueOptions = negotiation.issueCount <= MAX_ISSUE_OPTIONS ? await listIssueOptions(db, negotiation.id, MAX_ISSUE_OPTIONS) : null;
  const core = await db
    .selectFrom("Issue")
    .select("slug")
    .where("negotiationId", "=", negotiation.id)
    .where("isCore", "=", 1)
    .orderBy("sortOrder")
    .limit(MAX_SLUGS)
    .execute();
  const ticks = await db
    .selectFrom("Event")
    .select(["date", "title"])
    .where("negotiationId", "=", negotiation.id)
    .orderBy("sortOrder")
    .limit(MAX_TICKS)
    .execute();
  return {
    negotiation: { ...toInfo(negotiation), issueCount: negotiation.issueCount },
    partyOptions: base.parties.map(({ slug, name }) => ({ slug, name })),
    issueOptions,
    params,
    notices: base.notices,
    anchors: base.anchors,
    matrix: await readMatrix(db, base, rowIds),
    page: { number: params.page, size, rowCount, pageCount },
    presets: {
      core: core.map((r) => r.slug),
      documents: base.parties.filter((p) => p.kind === "document").map((p) => p.slug),
      actors: base.parties.filter((p) => p.kind === "actor").map((p) => p.slug),
    },
    ticks,
    search,
    contested,
    openPoints: await countOpenPoints(db, negotiation.id, params.asOf, params.issues),
  };
}

/**
 * The one way a page view is built from a URL, shared by the matrix and charts pages: the URL is
 * parsed against the negotiation's slugs, then only the current page's rows are read, all in one
 * read snapshot. Null when the negotiation does not exist.
 */
export function getMatrixView(slug: string, raw: TRawSearchParams): Promise<TMatrixView | null> {
  return readSnapshot((db) => readMatrixView(db, slug, raw));
}

/** A negotiation's own fields for titles and headers, or null; one cheap read, shared within a request. */
export const getNegotiationInfo = cache(async function getNegotiationInfo(slug: string): Promise<TNegotiationInfo | null> {
  const row = await readSnapshot((db) => findNegotiation(db, slug));
  return row ? toInfo(row) : null;
});

import "server-only";
import type Database from "better-sqlite3";
import { cache } from "react";
import { assembleMatrix, type TMatrix, type TNegotiationInfo } from "../matrix";
import {
  MAX_SLUGS,
  parseMatrixParams,
  sortParty,
  type TAnchorMode,
  toKnownSlugs,
  type TMatrixParams,
  type TRawSearchParams,
} from "../matrix-params";
import type { TOption, TParty } from "../domain";
import { foldText } from "../text";
import { getDatabase } from "../db";
import { formatDate, formatDateText } from "../format";
import { isUnpublished, readerAsOf, type TReader } from "./as-of";
import {
  countMatches,
  countRows,
  findNegotiation,
  issueSlugLookup,
  listParties,
  selectIssues,
  selectCells,
  selectRowIds,
  type TNegotiationRow,
  type TPartyRow,
  type TRowFilter,
  type TSourceCache,
} from "./matrix-sql";

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
type TViewBase = {
  /** What the view's cells are read with: the data as of the URL's date, or the latest. */
  db: TReader;
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

function readViewBase(db: Database.Database, slug: string, raw: TRawSearchParams): TViewBase | null {
  const negotiation = findNegotiation(db, slug);
  if (!negotiation) return null;
  const parties = listParties(db, negotiation.id);
  const { params, notices } = parseMatrixParams(raw, {
    issues: issueSlugLookup(db, negotiation),
    parties: toKnownSlugs(parties.map((p) => p.slug)),
  });
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
  const filter = {
    negotiationId: negotiation.id,
    issues: params.issues,
    partyIds: shownParties.map((p) => p.id),
    metricPartyIds: measuredParties.map((p) => p.id),
    q: foldText(params.q),
    sort: params.sort,
    sortPartyId: parties.find((p) => p.slug === sortParty(params.sort))?.id,
  };
  return { db: readerAsOf(db, params.asOf), negotiation, parties, shownParties, measuredParties, anchors, params, notices, filter };
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
export function toInfo({ slug, title, summary, asOf, scaleNote }: TNegotiationRow): TNegotiationInfo {
  return { slug, title, summary, asOf, scaleNote };
}

/** A party row's public fields (without its database id). */
export function toParty({ slug, name, kind, date, description, sortOrder }: TPartyRow): TParty {
  return { slug, name, kind, date, description, sortOrder };
}

/** Reads rows by id into a matrix (cells of the shown parties, with sources; sources shared through `cache`). */
function readMatrix(base: TViewBase, rowIds: readonly number[], cache?: TSourceCache): TMatrix {
  const issues = selectIssues(base.db, rowIds);
  const grid = selectCells(base.db, issues, base.shownParties, cache, base.filter.q);
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
};

/** The date control shows at most this many events. */
const MAX_TICKS = 500;

export type TPresets = { core: string[]; documents: string[]; actors: string[] };

/**
 * The one way a page view is built from a URL, shared by the matrix and charts pages: the URL is
 * parsed against the negotiation's slugs, then only the current page's rows are read, all in one
 * read transaction (one consistent snapshot). Null when the negotiation does not exist.
 */
export function getMatrixView(slug: string, raw: TRawSearchParams): TMatrixView | null {
  const db = getDatabase();
  return db.transaction(() => {
    const base = readViewBase(db, slug, raw);
    if (!base) return null;
    const size = rowsPerPage(base.shownParties.length);
    const rowCount = countRows(base.db, base.filter);
    const pageCount = Math.max(1, Math.ceil(rowCount / size));
    const params = { ...base.params };
    if (params.page > pageCount) {
      base.notices.push(`There are only ${pageCount} page${pageCount === 1 ? "" : "s"}; showing the last.`);
      params.page = pageCount;
    }
    const rowIds = selectRowIds(base.db, base.filter, { limit: size, offset: (params.page - 1) * size });
    const search = base.filter.q ? countMatches(base.db, base.filter) : null;
    const { negotiation } = base;
    const issueOptions =
      negotiation.issueCount <= MAX_ISSUE_OPTIONS
        ? (db.prepare(`SELECT "slug", "name" FROM "Issue" WHERE "negotiationId" = ? ORDER BY "sortOrder"`).all(negotiation.id) as TOption[])
        : null;
    return {
      negotiation: { ...toInfo(negotiation), issueCount: negotiation.issueCount },
      partyOptions: base.parties.map(({ slug, name }) => ({ slug, name })),
      issueOptions,
      params,
      notices: base.notices,
      anchors: base.anchors,
      matrix: readMatrix(base, rowIds),
      page: { number: params.page, size, rowCount, pageCount },
      presets: {
        core: db
          .prepare(`SELECT "slug" FROM "Issue" WHERE "negotiationId" = ? AND "isCore" = 1 ORDER BY "sortOrder" LIMIT ?`)
          .pluck()
          .all(negotiation.id, MAX_SLUGS) as string[],
        documents: base.parties.filter((p) => p.kind === "document").map((p) => p.slug),
        actors: base.parties.filter((p) => p.kind === "actor").map((p) => p.slug),
      },
      ticks: db
        .prepare(`SELECT "date", "title" FROM "Event" WHERE "negotiationId" = ? ORDER BY "sortOrder" LIMIT ?`)
        .all(negotiation.id, MAX_TICKS) as { date: string; title: string }[],
      search,
    };
  })();
}

/** A negotiation's own fields for titles and headers, or null; one cheap read, shared within a request. */
export const getNegotiationInfo = cache(function getNegotiationInfo(slug: string): TNegotiationInfo | null {
  const row = findNegotiation(getDatabase(), slug);
  return row ? toInfo(row) : null;
});

export { readViewBase, readMatrix, type TViewBase };

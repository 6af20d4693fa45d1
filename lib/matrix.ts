import { measureIssue, type TIssueDivergence } from "./divergence";
import type { TIssue, TNegotiation, TParty, TPosition } from "./domain";

export type TMatrixRow = {
  issue: TIssue;
  /** One cell per shown party, in column order; null only if the cell is missing from the data. */
  cells: (TPosition | null)[];
  divergence: TIssueDivergence;
};

/** The negotiation fields every view shows. */
export type TNegotiationInfo = Pick<TNegotiation, "slug" | "title" | "summary" | "asOf" | "scaleNote">;

export type TMatrix = {
  negotiation: TNegotiationInfo;
  parties: TParty[];
  rows: TMatrixRow[];
};

/**
 * Lays out a matrix from what a view read: the rows (issues, already chosen, ordered and paged by
 * the query), the shown parties as columns, and the grid of their cells (one row of cells per
 * issue, one cell per party); each row gets its divergence over the shown parties' known scores.
 */
export function assembleMatrix(
  negotiation: TNegotiationInfo,
  issues: readonly TIssue[],
  parties: readonly TParty[],
  grid: readonly (readonly (TPosition | null)[])[],
  /** The columns a row's divergence counts (all by default; a view leaves the scale's anchors out). */
  isMeasured: (party: TParty) => boolean = () => true,
): TMatrix {
  const rows = issues.map((issue, index) => {
    const cells = parties.map((_, column) => grid[index]?.[column] ?? null);
    const measured = cells.filter((_, column) => isMeasured(parties[column]!));
    return { issue, cells, divergence: measureIssue(measured.map((c) => c?.score ?? null)) };
  });
  return { negotiation, parties: [...parties], rows };
}

/** What the matrix table shows of a cell; the summary only in the detailed density. */
export type TTableCell = Pick<TPosition, "label" | "score" | "status" | "confidence" | "match"> & { summary?: string };
export type TTableRow = { issue: Pick<TIssue, "slug" | "name" | "lowLabel" | "highLabel" | "isCore">; cells: (TTableCell | null)[] };
export type TTableParty = Pick<TParty, "slug" | "name" | "kind" | "date">;

/**
 * The table's props: only what a row shows (no sources, quotes or notes, which live on each cell's
 * page), so the page's HTML and client payload stay small. A cell stored without a label shows the
 * start of its summary.
 */
export function toTableRows(matrix: TMatrix, detailed: boolean): TTableRow[] {
  return matrix.rows.map(({ issue: { slug, name, lowLabel, highLabel, isCore }, cells }) => ({
    issue: { slug, name, lowLabel, highLabel, isCore },
    cells: cells.map((cell) =>
      cell
        ? {
            label: cell.label || shorten(cell.summary, 60),
            score: cell.score,
            status: cell.status,
            confidence: cell.confidence,
            ...(cell.match === undefined ? {} : { match: cell.match }),
            ...(detailed ? { summary: cell.summary } : {}),
          }
        : null,
    ),
  }));
}

/** The first words of a text, up to `max` characters, ending in "…" when cut (never mid-word). */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** The permanent address of a cell, as of a day when one is given, with a search to mark in it. */
export function cellHref(slug: string, issue: string, party: string, asOf: string | null = null, q = ""): string {
  const search = new URLSearchParams();
  if (asOf) search.set("asOf", asOf);
  if (q) search.set("q", q);
  const query = search.toString();
  return `/negotiations/${slug}/issues/${issue}/parties/${party}${query ? `?${query}` : ""}`;
}

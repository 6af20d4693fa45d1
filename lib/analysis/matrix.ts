import { measureIssue, type TIssueDivergence } from "./divergence";
import type { TCell } from "../cells/cell";
import type { TRange } from "../cells/readings";
import type { TIssue, TNegotiationInfo, TParty } from "../domain/words";

export type TMatrixRow = {
  issue: TIssue;
  /** One cell per shown party, in column order; null only if the cell is missing from the data. */
  cells: (TCell | null)[];
  divergence: TIssueDivergence;
};

export type { TNegotiationInfo };

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
  grid: readonly (readonly (TCell | null)[])[],
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
export type TTableCell = Pick<TCell, "label" | "score" | "status" | "confidence" | "match"> & {
  summary?: string;
  /** Only when independent sources disagree: the range of the readings that stand (null: none scored). */
  contested?: { range: TRange | null };
};
export type TTableRow = {
  issue: Pick<TIssue, "slug" | "name" | "lowLabel" | "highLabel" | "isCore" | "steps">;
  cells: (TTableCell | null)[];
};
export type TTableParty = Pick<TParty, "slug" | "name" | "kind" | "date">;

/**
 * The table's props: only what a row shows (no sources, quotes or notes, which live on each cell's
 * page), so the page's HTML and client payload stay small. A cell stored without a label shows the
 * start of its summary.
 */
export function toTableRows(matrix: TMatrix, detailed: boolean): TTableRow[] {
  return matrix.rows.map(({ issue: { slug, name, lowLabel, highLabel, isCore, steps }, cells }) => ({
    issue: { slug, name, lowLabel, highLabel, isCore, steps },
    cells: cells.map((cell) =>
      cell
        ? {
            label: cell.label || shorten(cell.summary, 60),
            score: cell.score,
            status: cell.status,
            confidence: cell.confidence,
            ...(cell.match === undefined ? {} : { match: cell.match }),
            ...(cell.contested ? { contested: { range: cell.range } } : {}),
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

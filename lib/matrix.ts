import { measureDivergence, measureIssue, type TDivergence, type TIssueDivergence } from "./divergence";
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
): TMatrix {
  const rows = issues.map((issue, index) => {
    const cells = parties.map((_, column) => grid[index]?.[column] ?? null);
    return { issue, cells, divergence: measureIssue(cells.map((c) => c?.score ?? null)) };
  });
  return { negotiation, parties: [...parties], rows };
}

/** The divergence metrics of exactly the rows and columns a view shows. */
export function measureMatrix(matrix: TMatrix): TDivergence {
  return measureDivergence(
    matrix.rows.map((r) => r.issue.slug),
    matrix.parties.map((p) => p.slug),
    (i, p) => matrix.rows[i]?.cells[p]?.score ?? null,
  );
}

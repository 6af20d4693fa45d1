import type { TMatrix } from "./matrix";

/** The JSON export of a view: the same rows, columns and cells as the screen, with slugs as keys. */
export function toMatrixJson(matrix: TMatrix, notices: readonly string[]) {
  return {
    negotiation: matrix.negotiation,
    notices,
    issues: matrix.rows.map(({ issue, divergence }) => ({ ...issue, ...divergence })),
    parties: matrix.parties,
    positions: matrix.rows.flatMap((row) => row.cells.flatMap((cell) => (cell ? [cell] : []))),
  };
}

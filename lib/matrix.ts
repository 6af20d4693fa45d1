import { measureDivergence, measureIssue, type TDivergence, type TIssueDivergence } from "./divergence";
import type { TIssue, TNegotiation, TParty, TPosition } from "./domain";
import type { TMatrixParams } from "./matrix-params";

export type TMatrixRow = {
  issue: TIssue;
  /** One cell per shown party, in column order; null only if the cell is missing from the data. */
  cells: (TPosition | null)[];
  divergence: TIssueDivergence;
};

export type TMatrix = {
  negotiation: Pick<TNegotiation, "slug" | "title" | "summary" | "asOf" | "scaleNote">;
  parties: TParty[];
  rows: TMatrixRow[];
};

/** A lookup of positions by issue and party slug; null for a cell missing from the data. */
export function indexPositions(positions: readonly TPosition[]): (issue: string, party: string) => TPosition | null {
  const byCell = new Map(positions.map((p) => [`${p.issue}|${p.party}`, p]));
  return (issue, party) => byCell.get(`${issue}|${party}`) ?? null;
}

/** Lowercase and strip accents, so that "geneve" finds "Genève". */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

function matchesQuery(row: TMatrixRow, needle: string): boolean {
  if (!needle) return true;
  const haystacks = [row.issue.name, ...row.cells.flatMap((c) => (c ? [c.summary, c.quote ?? ""] : []))];
  return haystacks.some((text) => foldText(text).includes(needle));
}

/** Most contested first: larger spread first, unknown spread (fewer than two scores) last, ties in issue order. */
function compareByDivergence(a: TMatrixRow, b: TMatrixRow): number {
  const sa = a.divergence.spread;
  const sb = b.divergence.spread;
  if (sa !== sb) {
    if (sa === null) return 1;
    if (sb === null) return -1;
    return sb - sa;
  }
  return a.issue.sortOrder - b.issue.sortOrder;
}

const COMPARATORS: Record<TMatrixParams["sort"], (a: TMatrixRow, b: TMatrixRow) => number> = {
  order: (a, b) => a.issue.sortOrder - b.issue.sortOrder,
  divergence: compareByDivergence,
  issue: (a, b) => a.issue.name.localeCompare(b.issue.name, "en") || a.issue.sortOrder - b.issue.sortOrder,
};

/**
 * Assembles the matrix a view shows: the chosen issues (rows) and parties (columns), the text
 * search applied to issue names and the shown cells' summaries and quotes, rows in the chosen order.
 * The page, the CSV and the JSON export all call this, so they cannot disagree.
 */
export function buildMatrix(negotiation: TNegotiation, params: TMatrixParams): TMatrix {
  const parties = negotiation.parties.filter((p) => !params.parties || params.parties.includes(p.slug));
  const cellOf = indexPositions(negotiation.positions);
  const issues = negotiation.issues.filter((i) => !params.issues || params.issues.includes(i.slug));
  const candidates = issues.map((issue) => {
    const cells = parties.map((party) => cellOf(issue.slug, party.slug));
    return { issue, cells, divergence: measureIssue(cells.map((c) => c?.score ?? null)) };
  });
  const needle = foldText(params.q.trim());
  const rows = candidates.filter((row) => matchesQuery(row, needle)).sort(COMPARATORS[params.sort]);
  const { slug, title, summary, asOf, scaleNote } = negotiation;
  return { negotiation: { slug, title, summary, asOf, scaleNote }, parties, rows };
}

/** The divergence metrics of exactly the rows and columns a view shows. */
export function measureMatrix(matrix: TMatrix): TDivergence {
  return measureDivergence(
    matrix.rows.map((r) => r.issue.slug),
    matrix.parties.map((p) => p.slug),
    (i, p) => matrix.rows[i]?.cells[p]?.score ?? null,
  );
}

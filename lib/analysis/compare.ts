import { diffWords } from "diff";
import { measurePair, type TPairDistance } from "./divergence";
import type { TIssue, TParty } from "../domain/words";
import type { TCell } from "../cells/cell";
import type { TMatrix } from "./matrix";

export type TCompareKind = "same" | "different" | "unknown";

export type TCompareRow = {
  issue: TIssue;
  a: TCell | null;
  b: TCell | null;
  kind: TCompareKind;
  /** b − a, or null when either score is unknown. */
  difference: number | null;
  /** The difference in the issue's own words. */
  direction: string;
  /** 1 − |b − a| / 4: the pair's agreement on this one issue (the pairwise distance's normalisation), or null when either score is unknown. */
  agreement: number | null;
};

export type TComparison = {
  a: TParty;
  b: TParty;
  rows: TCompareRow[];
  counts: Record<TCompareKind, number>;
  /** The pair's agreement over the compared issues: the same function as the heatmap and the divergence JSON. */
  pair: TPairDistance;
};

/** "2 steps toward <high label>", "1 step toward <low label>", "Same score", or why it is unknown. */
export function describeShift(difference: number | null, issue: Pick<TIssue, "lowLabel" | "highLabel">): string {
  if (difference === null) return "Not comparable: at least one score is unknown";
  if (difference === 0) return "Same score";
  const steps = Math.abs(difference);
  return `${steps} step${steps === 1 ? "" : "s"} toward “${difference > 0 ? issue.highLabel : issue.lowLabel}”`;
}

/**
 * Compares party b with party a issue by issue, over a matrix whose two columns are a and b.
 * Same and different need both scores; a null score makes the issue unknown, never a 0. Rows stay
 * in the matrix's order; `byGap` orders them largest gap first.
 */
export function compareParties(matrix: TMatrix): TComparison {
  const [a, b] = matrix.parties;
  if (!a || !b) throw new Error("A comparison needs a matrix of exactly two parties.");
  const counts: Record<TCompareKind, number> = { same: 0, different: 0, unknown: 0 };
  const rows = matrix.rows.map(({ issue, cells }) => {
    const left = cells[0] ?? null;
    const right = cells[1] ?? null;
    const difference = left?.score == null || right?.score == null ? null : right.score - left.score;
    const kind: TCompareKind = difference === null ? "unknown" : difference === 0 ? "same" : "different";
    counts[kind]++;
    const agreement = difference === null ? null : 1 - Math.abs(difference) / 4;
    return { issue, a: left, b: right, kind, difference, direction: describeShift(difference, issue), agreement };
  });
  const pair = measurePair(
    matrix.rows.map((r) => r.cells[0]?.score ?? null),
    matrix.rows.map((r) => r.cells[1]?.score ?? null),
  );
  return { a, b, rows, counts, pair };
}

/** Largest gap first; issues with an unknown score last; ties in the dossier's order. */
export function byGap(rows: readonly TCompareRow[]): TCompareRow[] {
  const gap = (row: TCompareRow) => (row.difference === null ? -1 : Math.abs(row.difference));
  return [...rows].sort((x, y) => gap(y) - gap(x) || x.issue.sortOrder - y.issue.sortOrder);
}

/** "Largest gaps: Amnesty (3 steps), NATO (3 steps)." — the issues that share the largest gap, or null when none differ. */
export function describeLargestGaps(rows: readonly TCompareRow[]): string | null {
  const largest = Math.max(0, ...rows.map((r) => Math.abs(r.difference ?? 0)));
  if (largest === 0) return null;
  const named = rows.filter((r) => Math.abs(r.difference ?? 0) === largest).map((r) => r.issue.name);
  return `Largest gap${named.length === 1 ? "" : "s"} (${largest} step${largest === 1 ? "" : "s"}): ${named.join("; ")}.`;
}

export type TWordChange = { text: string; change: "same" | "added" | "removed" };

/**
 * Summaries longer than this together are not diffed: a word diff costs about the product of the
 * two lengths, and one request must not stall the others. Valid summaries are at most 2,000
 * characters each (lib/negotiation-input.ts), so this only guards against data written otherwise.
 */
export const MAX_DIFF_CHARACTERS = 4000;

/**
 * A word-level diff of two summaries (jsdiff): what b adds and what it drops relative to a; null
 * when they are too long to diff within a request's budget.
 */
export function diffSummaries(a: string, b: string): TWordChange[] | null {
  if (a.length + b.length > MAX_DIFF_CHARACTERS) return null;
  return diffWords(a, b).map((part) => ({ text: part.value, change: part.added ? "added" : part.removed ? "removed" : "same" }));
}

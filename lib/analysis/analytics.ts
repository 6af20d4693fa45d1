// The story the charts tell, as pure functions over a view's scores: where each party leans, and
// how the documents moved from one to the next. Unknown scores are counted as unknown, never as 0.
import { measureDivergence, type TDivergence } from "./divergence";
import type { TIssue, TParty, TScore } from "../domain/words";
import { parseValidity } from "../domain/dates";
import { formatScore } from "../domain/format";

/** A view's scores: its rows (every one the URL selects), its shown parties, and one score per cell. */
export type TScoreGrid = {
  issues: Pick<TIssue, "slug" | "name" | "lowLabel" | "highLabel">[];
  parties: Pick<TParty, "slug" | "name" | "kind" | "date" | "sortOrder">[];
  /** scores[issueIndex][partyIndex] */
  scores: TScore[][];
};

/** A score grid with which columns spread counts (the scale's anchors are left out unless included). */
export type TMeasuredGrid = TScoreGrid & { measured: boolean[] };

/** The divergence of every row of a grid: issues over the measured columns, pairs over all of them. */
export function measureGrid(grid: TMeasuredGrid): TDivergence {
  return measureDivergence(
    grid.issues.map((i) => i.slug),
    grid.parties.map((p) => p.slug),
    (i, p) => grid.scores[i]?.[p] ?? null,
    (p) => grid.measured[p] ?? true,
  );
}

/** The words for the scale's two ends in sentences: the negotiation's own (`scaleEnds`), such as "Ukraine's stated position" or "no text". */
export type TPoleNames = { low: string; high: string };

export type TLean = { party: string; name: string; mean: number | null; scored: number; unknown: number };

/** Per party, the mean of its known scores over the view's issues, with how many are scored and unknown. */
export function measureLean(grid: TScoreGrid): TLean[] {
  return grid.parties.map((party, p) => {
    const known = grid.scores.map((row) => row[p] ?? null).filter((s): s is number => s !== null);
    const mean = known.length === 0 ? null : known.reduce((sum, s) => sum + s, 0) / known.length;
    return { party: party.slug, name: party.name, mean, scored: known.length, unknown: grid.issues.length - known.length };
  });
}

/** "The US 28-point draft leans +1.3 toward Russia's position over 11 scored issues; 2 unknown." */
export function describeLean(lean: TLean, poles: TPoleNames): string {
  const unknown = lean.unknown > 0 ? `; ${lean.unknown} unknown` : "";
  const over = `over ${lean.scored} scored issue${lean.scored === 1 ? "" : "s"}${unknown}`;
  if (lean.mean === null) return `${lean.name} has no known score on these issues${unknown}.`;
  const value = formatScore(Number(lean.mean.toFixed(1))).replace(/^([+−]?\d)$/, "$1.0");
  if (Math.abs(lean.mean) < 0.05) return `${lean.name} sits in the middle (${value}) ${over}.`;
  return `${lean.name} leans ${value} toward ${lean.mean < 0 ? poles.low : poles.high} ${over}.`;
}

export type TToward = "low" | "high" | "none";

export type TMovementStep = {
  from: string;
  to: string;
  issue: string;
  fromScore: TScore;
  toScore: TScore;
  /** toScore − fromScore; null when either is unknown. */
  change: number | null;
  /** Which end the change moves toward; "none" when unchanged, null when unknown. */
  toward: TToward | null;
};

export type TMovementSummary = { from: string; to: string; towardLow: number; towardHigh: number; unchanged: number; unknown: number };

export type TMovement = { documents: string[]; steps: TMovementStep[]; summary: TMovementSummary[] };

/** The first day of a party's date ("2025-11-23 to 2025-12-18" → "2025-11-23"). */
const startOf = (date: string) => parseValidity(date).validFrom;

/** The shown document parties in order of their first date (ties in column order): the drafts, oldest first. */
export function documentsInOrder(grid: TScoreGrid): number[] {
  return grid.parties
    .map((party, index) => ({ party, index }))
    .filter(({ party }) => party.kind === "document")
    .sort((x, y) => startOf(x.party.date).localeCompare(startOf(y.party.date)) || x.party.sortOrder - y.party.sortOrder)
    .map(({ index }) => index);
}

/**
 * How the documents moved: for each consecutive pair (in date order) and each issue, the change of
 * score and the end it moves toward; per pair, how many issues moved toward each end, stayed, or
 * are unknown in either text.
 */
export function measureMovement(grid: TScoreGrid): TMovement {
  const order = documentsInOrder(grid);
  const steps: TMovementStep[] = [];
  const summary: TMovementSummary[] = [];
  for (let k = 1; k < order.length; k++) {
    const [a, b] = [order[k - 1]!, order[k]!];
    const from = grid.parties[a]!.slug;
    const to = grid.parties[b]!.slug;
    const counts = { from, to, towardLow: 0, towardHigh: 0, unchanged: 0, unknown: 0 };
    grid.issues.forEach((issue, i) => {
      const fromScore = grid.scores[i]?.[a] ?? null;
      const toScore = grid.scores[i]?.[b] ?? null;
      const change = fromScore === null || toScore === null ? null : toScore - fromScore;
      const toward: TToward | null = change === null ? null : change < 0 ? "low" : change > 0 ? "high" : "none";
      steps.push({ from, to, issue: issue.slug, fromScore, toScore, change, toward });
      if (toward === null) counts.unknown++;
      else if (toward === "low") counts.towardLow++;
      else if (toward === "high") counts.towardHigh++;
      else counts.unchanged++;
    });
    summary.push(counts);
  }
  return { documents: order.map((index) => grid.parties[index]!.slug), steps, summary };
}

/**
 * One consecutive pair in words: how many issues moved toward each end and by how many steps, how
 * many stayed and are unknown, and the largest moves in the issue's own words.
 */
export function describeMovement(movement: TMovement, pair: TMovementSummary, grid: TScoreGrid, poles: TPoleNames): string {
  const name = (slug: string) => grid.parties.find((p) => p.slug === slug)?.name ?? slug;
  const steps = movement.steps.filter((s) => s.from === pair.from && s.to === pair.to);
  const stepsToward = (toward: TToward) => steps.filter((s) => s.toward === toward).reduce((sum, s) => sum + Math.abs(s.change ?? 0), 0);
  const issues = (n: number) => `${n} issue${n === 1 ? "" : "s"}`;
  const stepWords = (n: number) => `${n} step${n === 1 ? "" : "s"}`;
  const parts = [
    `${issues(pair.towardLow)} moved toward ${poles.low}${pair.towardLow > 0 ? ` (${stepWords(stepsToward("low"))} in all)` : ""}`,
    `${issues(pair.towardHigh)} toward ${poles.high}${pair.towardHigh > 0 ? ` (${stepWords(stepsToward("high"))} in all)` : ""}`,
    `${issues(pair.unchanged)} unchanged`,
    `${issues(pair.unknown)} unknown in one text or both`,
  ];
  const largest = Math.max(0, ...steps.map((s) => Math.abs(s.change ?? 0)));
  const most = steps
    .filter((s) => largest > 0 && Math.abs(s.change ?? 0) === largest)
    .map((s) => {
      const issue = grid.issues.find((i) => i.slug === s.issue)!;
      return `${issue.name}: ${stepWords(largest)} toward “${s.toward === "low" ? issue.lowLabel : issue.highLabel}”`;
    });
  const moved = most.length > 0 ? ` Moved most: ${most.join("; ")}.` : "";
  return `From the ${name(pair.from)} to the ${name(pair.to)}: ${parts.join(", ")}.${moved}`;
}

import type { TRedLineBasis, TSpan } from "../redlines/line";

// A compromise package scored against every party: one step per chosen issue, a weight per issue.
// Closeness to a party, over the issues where its score is known:
//   C = Σ wᵢ·(1 − |xᵢ − sᵢ|/4) / Σ wᵢ
// (the normalisation of the pairwise distance), with a per-issue breakdown that sums to C. The red
// lines a package breaches are listed apart and never netted against closeness. Closeness to a coded
// position is a proxy, not a party's real preference.

export const PACKAGE_WEIGHTS = [0.5, 1, 2] as const;
export const CLOSENESS_FORMULA = "C = Σ wᵢ·(1 − |xᵢ − sᵢ|/4) / Σ wᵢ, over the package's issues where the party's score sᵢ is known";

export type TPackageItem = { issue: string; step: number; weight: number };

/** What the scoring needs of a party: its score per issue (null: unknown) and its red line per issue, if any. */
export type TPackageParty = {
  party: string;
  scoreOf: (issue: string) => number | null;
  lineOf: (issue: string) => (TSpan & { basis: TRedLineBasis }) | undefined;
};

export type TPartyScore = {
  party: string;
  /** Null when the party's score is unknown on every issue of the package. */
  closeness: number | null;
  breakdown: { issue: string; score: number; contribution: number }[];
  breaches: ({ issue: string; step: number; basis: TRedLineBasis } & TSpan)[];
};

export type TImprovement = { issue: string; from: number; to: number; helps: string[] };

export function scoreParty(items: readonly TPackageItem[], party: TPackageParty): TPartyScore {
  const known = items.flatMap((item) => {
    const score = party.scoreOf(item.issue);
    return score === null ? [] : [{ ...item, score }];
  });
  const total = known.reduce((sum, k) => sum + k.weight, 0);
  const breakdown = known.map((k) => ({
    issue: k.issue,
    score: k.score,
    contribution: (k.weight * (1 - Math.abs(k.step - k.score) / 4)) / total,
  }));
  const breaches = items.flatMap((item) => {
    const line = party.lineOf(item.issue);
    return line && (item.step < line.min || item.step > line.max)
      ? [{ issue: item.issue, step: item.step, min: line.min, max: line.max, basis: line.basis }]
      : [];
  });
  const closeness = total === 0 ? null : breakdown.reduce((sum, b) => sum + b.contribution, 0);
  return { party: party.party, closeness, breakdown, breaches };
}

const STEPS = [-2, -1, 0, 1, 2];
/** Closeness is compared to this precision, so that rounding never makes a swap look like a gain or a loss. */
const EPSILON = 1e-9;

/**
 * The single-issue swaps that raise some party's closeness and lower none's. A swap on one issue
 * changes a party's closeness by wᵢ·(|xᵢ − sᵢ| − |t − sᵢ|) / (4·Σw) alone, so every other step of
 * every issue is screened by that difference (issues × 4 × parties), and each swap found is then
 * verified by scoring the swapped package again for every party.
 */
export function findImprovements(items: readonly TPackageItem[], parties: readonly TPackageParty[]): TImprovement[] {
  const before = parties.map((p) => scoreParty(items, p).closeness);
  const totals = parties.map((p) => items.reduce((sum, i) => sum + (p.scoreOf(i.issue) === null ? 0 : i.weight), 0));
  const improvements: TImprovement[] = [];
  items.forEach((item, index) => {
    const scores = parties.map((p) => p.scoreOf(item.issue));
    for (const to of STEPS) {
      if (to === item.step) continue;
      const change = scores.map((s, k) =>
        s === null || totals[k] === 0 ? 0 : (item.weight * (Math.abs(item.step - s) - Math.abs(to - s))) / (4 * totals[k]!),
      );
      if (change.some((c) => c < -EPSILON) || !change.some((c) => c > EPSILON)) continue;
      const swapped = items.map((other, i) => (i === index ? { ...other, step: to } : other));
      const after = parties.map((p) => scoreParty(swapped, p).closeness);
      const lowers = after.some((c, k) => c !== null && before[k] !== null && c < before[k]! - EPSILON);
      const helps = parties
        .filter((_, k) => after[k] !== null && before[k] !== null && after[k]! > before[k]! + EPSILON)
        .map((p) => p.party);
      if (!lowers && helps.length > 0) improvements.push({ issue: item.issue, from: item.step, to, helps });
    }
  });
  return improvements;
}

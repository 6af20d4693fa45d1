import type { TScore } from "../domain/words";

export type TIssueDivergence = {
  /** How many of the given scores are known (non-null). */
  scored: number;
  /** max − min of the known scores; null with fewer than two. */
  spread: number | null;
  /** Population standard deviation of the known scores; null with fewer than two. */
  stdev: number | null;
};

/**
 * Divergence on one issue. Null scores (undisclosed, no position) are left out, never read as 0:
 * scored = n known scores; spread = max − min; stdev = sqrt(Σ(x − mean)² / n). Both null when n < 2.
 */
export function measureIssue(scores: readonly TScore[]): TIssueDivergence {
  const known = scores.filter((s): s is number => s !== null);
  if (known.length < 2) return { scored: known.length, spread: null, stdev: null };
  const mean = known.reduce((sum, s) => sum + s, 0) / known.length;
  const variance = known.reduce((sum, s) => sum + (s - mean) ** 2, 0) / known.length;
  return { scored: known.length, spread: Math.max(...known) - Math.min(...known), stdev: Math.sqrt(variance) };
}

export type TPairDistance = {
  /** Number of issues on which both parties have a score. */
  sharedIssues: number;
  /** mean |a − b| / 4 over the shared issues (0 identical, 1 opposite poles); null when none are shared. */
  distance: number | null;
  /** 1 − distance: the one agreement figure every view shows (1 identical, 0 opposite poles); null when none are shared. */
  agreement: number | null;
};

/**
 * Distance between two parties over aligned score lists (one entry per issue). Issues where either
 * score is null are skipped: distance = Σ|a − b| / (4 · shared), null when shared = 0.
 */
export function measurePair(a: readonly TScore[], b: readonly TScore[]): TPairDistance {
  let shared = 0;
  let total = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    shared++;
    total += Math.abs(x - y);
  }
  const distance = shared === 0 ? null : total / (4 * shared);
  return { sharedIssues: shared, distance, agreement: distance === null ? null : 1 - distance };
}

/** "58% agreement over 11 shared issues", or why there is no figure. The one wording of the figure. */
export function describeAgreement(pair: Pick<TPairDistance, "agreement" | "sharedIssues">): string {
  if (pair.agreement === null) return "no shared scored issue, so no agreement figure";
  const issues = `${pair.sharedIssues} shared issue${pair.sharedIssues === 1 ? "" : "s"}`;
  return `${formatPercent(pair.agreement)} agreement over ${issues}`;
}

/** 0.583 → "58%". */
export function formatPercent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export type TDivergence = {
  issues: ({ issue: string } & TIssueDivergence)[];
  pairs: ({ a: string; b: string } & TPairDistance)[];
};

/**
 * Divergence of a view: per shown issue (in row order) its known-score count, spread and stdev;
 * per unordered pair of shown parties (in column order, a before b) their distance over the shown
 * issues. Takes plain slugs and aligned scores so it stays independent of the matrix's shape.
 */
export function measureDivergence(
  issues: readonly string[],
  parties: readonly string[],
  scoreOf: (issueIndex: number, partyIndex: number) => TScore,
  /** The columns an issue's spread and stdev count (all by default; views leave the scale's anchors out). Pairs use every column. */
  isMeasured: (partyIndex: number) => boolean = () => true,
): TDivergence {
  const columns = parties.map((_, p) => issues.map((__, i) => scoreOf(i, p)));
  const measured = parties.map((_, p) => p).filter(isMeasured);
  return {
    issues: issues.map((issue, i) => ({ issue, ...measureIssue(measured.map((p) => scoreOf(i, p))) })),
    pairs: parties.flatMap((a, i) =>
      parties.slice(i + 1).map((b, offset) => ({ a, b, ...measurePair(columns[i] ?? [], columns[i + 1 + offset] ?? []) })),
    ),
  };
}

import type { TRedLineBasis, TSpan } from "../redlines/line";

// The zone of possible agreement on an issue: the steps every chosen party has said it can accept.
// Never a midpoint or a suggested compromise: where the spans do not meet, the gap and the two
// parties that bind it; where a party has no red line on record, the issue cannot be assessed.

/** A party's line as the zone reads it. */
export type TZoneLine = TSpan & { party: string; basis: TRedLineBasis };

export type TGap = { steps: number; low: string; high: string };

export type TZone<L extends TZoneLine = TZoneLine> = {
  issue: string;
  lines: L[];
  /** The steps every chosen party accepts; null when they do not meet or the issue cannot be assessed. */
  overlap: TSpan | null;
  /** Where the spans do not meet: how many steps lie between, the party whose maximum is lowest and the one whose minimum is highest. */
  gap: TGap | null;
  /** The chosen parties with no red line on record on this issue (the issue cannot be assessed while any is missing). */
  unknown: string[];
};

/** The zone of one issue for the chosen parties (in their order), from the lines on record (by party). */
export function measureZone<L extends TZoneLine>(
  issue: string,
  parties: readonly string[],
  lineOf: (party: string) => L | undefined,
): TZone<L> {
  const lines = parties.flatMap((party) => {
    const line = lineOf(party);
    return line ? [line] : [];
  });
  const unknown = parties.filter((party) => !lines.some((l) => l.party === party));
  if (unknown.length > 0 || lines.length === 0) return { issue, lines, overlap: null, gap: null, unknown };
  // The binding parties: the first (in the chosen order) with the lowest maximum and with the highest minimum.
  const low = lines.reduce((a, b) => (b.max < a.max ? b : a));
  const high = lines.reduce((a, b) => (b.min > a.min ? b : a));
  if (high.min <= low.max) return { issue, lines, overlap: { min: high.min, max: low.max }, gap: null, unknown };
  return { issue, lines, overlap: null, gap: { steps: high.min - low.max, low: low.party, high: high.party }, unknown };
}

const signed = (step: number) => (step > 0 ? `+${step}` : step < 0 ? `−${-step}` : "0");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "Russia's minimum +2 is 2 steps above Ukraine's maximum 0." */
export function describeGap(gap: TGap, lines: readonly TZoneLine[], name: (party: string) => string): string {
  const low = lines.find((l) => l.party === gap.low)!;
  const high = lines.find((l) => l.party === gap.high)!;
  return `${name(gap.high)}'s minimum ${signed(high.min)} is ${plural(gap.steps, "step")} above ${name(gap.low)}'s maximum ${signed(low.max)}.`;
}

/** "No overlap on 9 of 9 assessable issues; gaps 1–3 steps; 4 issues cannot be assessed." */
export function describeZones(zones: readonly TZone[]): string {
  const assessable = zones.filter((z) => z.unknown.length === 0 && z.lines.length > 0);
  const gaps = assessable.flatMap((z) => (z.gap ? [z.gap.steps] : []));
  const open = assessable.length - gaps.length;
  const parts: string[] = [];
  if (assessable.length === 0) parts.push("No issue can be assessed: no red line is on record for every chosen party on any issue");
  else {
    parts.push(
      gaps.length === 0
        ? `Overlap on all ${assessable.length} assessable issues`
        : `No overlap on ${gaps.length} of ${plural(assessable.length, "assessable issue")}` + (open > 0 ? `, overlap on ${open}` : ""),
    );
    if (gaps.length > 0) {
      const [least, most] = [Math.min(...gaps), Math.max(...gaps)];
      parts.push(
        least !== most
          ? `gaps ${least}–${most} steps`
          : gaps.length === 1
            ? `gap ${plural(least, "step")}`
            : `every gap ${plural(least, "step")}`,
      );
    }
  }
  const unassessed = zones.length - assessable.length;
  if (unassessed > 0 && assessable.length > 0) parts.push(`${plural(unassessed, "issue")} cannot be assessed`);
  return `${parts.join("; ")}.`;
}

/** How many of the lines shown are stated, reported and estimated. */
export function countBases(zones: readonly TZone[]): Record<TRedLineBasis, number> {
  const counts: Record<TRedLineBasis, number> = { stated: 0, reported: 0, estimated: 0 };
  for (const line of zones.flatMap((z) => z.lines)) counts[line.basis]++;
  return counts;
}

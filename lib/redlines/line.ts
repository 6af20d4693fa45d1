// A red line: the span of steps (min..max on the issue's own scale) a party has said it can accept,
// or for a document the steps its text adopts. Its basis says how it is known, and an analyst's
// estimate is never shown as a party's words. Pure: the zones, the package and their pages use it.

export const RED_LINE_BASES = ["stated", "reported", "estimated"] as const;
export type TRedLineBasis = (typeof RED_LINE_BASES)[number];

export const BASIS_WORDS: Record<TRedLineBasis, string> = {
  stated: "stated on the record",
  reported: "reported (unnamed officials or a leaked text)",
  estimated: "an analyst's estimate, not the party's words",
};

export type TSpan = { min: number; max: number };

/** One version of a line in memory: its start (null: not on file, before every dated version). */
export type TLineVersion = { validFrom: string | null };

/**
 * The one rule for the line of a party on an issue on a day (null: the latest): of the versions
 * that started by then (a version whose start is not on file counts as started), the latest by its
 * start, a later entry winning a tie. Undefined when none holds: no red line on record then.
 */
export function lineOn<T extends TLineVersion>(versions: readonly T[], day: string | null): T | undefined {
  const start = (v: T) => v.validFrom ?? "";
  return versions
    .map((v, index) => ({ v, index }))
    .filter(({ v }) => day === null || start(v) <= day)
    .sort((a, b) => start(a.v).localeCompare(start(b.v)) || a.index - b.index)
    .at(-1)?.v;
}

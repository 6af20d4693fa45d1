// When independent sources disagree about one version of a cell: its readings. The version's own
// content is its preferred reading (what the matrix shows); its competing readings stand beside it,
// each with a rank (in the manner of Wikidata: normal, or deprecated when its source corrected or
// retracted it) and the reason for it. A cell is contested when the readings that stand (every one
// but the deprecated) differ in step or in status; its range is their lowest and highest score (in
// the manner of UCDP's low and high estimates). Pure: the views, the exports, the metrics and the
// input's checks all use it. Types only from the cell's schema (./cell).

import { formatScore } from "../domain/format";
import { STATUS_LABELS, type TStatus } from "../domain/words";
import type { TAgreement } from "./confidence";
import type { TCellContent, TReading } from "./cell";

export const RANKS = ["preferred", "normal", "deprecated"] as const;

/** The rules of readings in words, as the methods page states them. */
export const READINGS_RULE = [
  "A version of a cell may hold several readings when independent originals disagree about it. Its own content is the preferred reading, which the matrix shows; every other reading is normal (a credible competing reading) or deprecated (its source corrected or retracted it), each with the reason for its rank.",
  "A cell is contested when the readings that stand (all but the deprecated) put it on different steps of the scale or give it different statuses. Its range is their lowest and highest score. A statement made long before the version is an earlier version of the cell, not a competing reading.",
  "The agreement the confidence rule reads is the readings': all on one step and one status is high, adjacent steps or a difference of status only is medium, two or more steps apart is low.",
  "The metrics use each cell's preferred reading and say how many of the cells they use are contested; with readings=range they are computed again at the low and the high end of every range and each figure that changes is named, never averaged.",
] as const;
export type TRank = (typeof RANKS)[number];

/** A reading as the views and exports list it: the preferred one (the version's own content) first. */
export type TReadingView = Omit<TReading, "rank" | "reason"> & { rank: TRank; reason: string | null };

/** What the readings rules read of a cell. */
export type TReadCell = Pick<TCellContent, "score" | "status" | "summary" | "quote" | "sources" | "readings" | "preferredReason">;

/** The low and high score of the readings that stand; null when none of them has a score. */
export type TRange = { min: number; max: number };

/** Every reading of a version, the preferred one (its own content, with the reason it is preferred) first. */
export function readingsOf(cell: TReadCell): TReadingView[] {
  const { score, status, summary, quote, sources } = cell;
  return [{ score, status, summary, quote, sources, rank: "preferred", reason: cell.preferredReason }, ...cell.readings];
}

/** What the rules of contest, range and agreement read: the steps, statuses and ranks of the readings. */
export type TSteps = Pick<TCellContent, "score" | "status"> & { readings: readonly Pick<TReading, "score" | "status" | "rank">[] };

/** The readings that stand: all but the deprecated ones. */
const standing = (cell: TSteps): { score: number | null; status: TStatus }[] => [
  cell,
  ...cell.readings.filter((r) => r.rank !== "deprecated"),
];

/** Whether the readings that stand put the cell on different steps, or give it different statuses. */
export function isContested(cell: TSteps): boolean {
  return new Set(standing(cell).map((r) => `${r.score}|${r.status}`)).size > 1;
}

/** The lowest and highest score among the readings that stand (null: none has a score). */
export function rangeOf(cell: TSteps): TRange | null {
  const scores = standing(cell)
    .map((r) => r.score)
    .filter((s): s is number => s !== null);
  return scores.length === 0 ? null : { min: Math.min(...scores), max: Math.max(...scores) };
}

/**
 * How far the readings that stand agree, as the confidence rule reads it: all on one step and one
 * status, high; adjacent steps, or readings that differ only in status (a null score included),
 * medium; two or more steps apart, low.
 */
export function agreementOf(cell: TSteps): TAgreement {
  const range = rangeOf(cell);
  if (range && range.max - range.min >= 2) return "low";
  if (range && range.max - range.min === 1) return "medium";
  return isContested(cell) ? "medium" : "high";
}

/** The two ends a metric can be read at, beside the preferred reading. */
export type TEnd = "low" | "high";

/** A score at one end: a contested cell takes that end of its range (none: no score), any other its own score. */
export function atEnd(score: number | null, contested: boolean, range: TRange | null, end: TEnd): number | null {
  if (!contested) return score;
  return range === null ? null : end === "low" ? range.min : range.max;
}

/** A cell's score at one end of its range. */
export const scoreAtEnd = (cell: TSteps, end: TEnd): number | null => atEnd(cell.score, isContested(cell), rangeOf(cell), end);

/**
 * The competing readings in words, as the change log compares them ("preferred, because …; −2
 * Reported, normal, because …: summary"); null when there is none.
 */
export function describeReadings(cell: Pick<TReadCell, "readings" | "preferredReason">): string | null {
  if (cell.readings.length === 0) return null;
  const others = cell.readings.map(
    (r) =>
      `${formatScore(r.score)} ${STATUS_LABELS[r.status]}, ${r.rank}, because ${r.reason}: ${r.summary} [${r.sources.map((s) => s.title).join("; ")}]`,
  );
  return [`This reading preferred, because ${cell.preferredReason ?? "(no reason given)"}`, ...others].join(" | ");
}

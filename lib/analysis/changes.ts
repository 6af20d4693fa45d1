import { describeShift } from "./compare";
import { STATUS_LABELS, type TIssue, type TScore, type TStatus } from "../domain/words";
import { formatScore } from "../domain/format";

/** What a cell's position was at a date: enough to tell whether and how it changed. */
export type TCellState = { score: TScore; status: TStatus; label: string };

/** The kinds of change the changes view lists: a cell's score, its status or its label. */
export type TChangeKind = "score" | "status" | "label";

/** Which of a cell's score, status and label differ between two states (an absent state counts as a change of all three). */
export function changedFields(from: TCellState | null, to: TCellState | null): TChangeKind[] {
  if (from === null || to === null) return from === to ? [] : ["score", "status", "label"];
  return (["score", "status", "label"] as const).filter((key) => from[key] !== to[key]);
}

/**
 * A change in the issue's own words: "2 steps toward “Russia keeps …”", "Score now known: +1",
 * "Score no longer given", "Status: Reported → Stated", "Label changed", "First recorded".
 */
export function describeChange(from: TCellState | null, to: TCellState | null, issue: Pick<TIssue, "lowLabel" | "highLabel">): string {
  if (from === null) return to === null ? "No record" : "First recorded";
  if (to === null) return "Withdrawn";
  const parts: string[] = [];
  if (from.score !== to.score) {
    if (from.score !== null && to.score !== null) parts.push(describeShift(to.score - from.score, issue));
    else if (to.score !== null) parts.push(`Score now given: ${formatScore(to.score)}`);
    else parts.push("Score no longer given");
  }
  if (from.status !== to.status) parts.push(`Status: ${STATUS_LABELS[from.status]} → ${STATUS_LABELS[to.status]}`);
  if (from.label !== to.label && parts.length === 0) parts.push("Same score and status; new label");
  return parts.join("; ");
}

/** The fields of a version that the change log compares, with their names in the log. */
export const LOGGED_FIELDS = [
  ["label", "Label"],
  ["score", "Score"],
  ["status", "Status"],
  ["confidence", "Confidence"],
  ["asOf", "Holds from"],
  ["summary", "Summary"],
  ["quote", "Quote"],
  ["notes", "Notes"],
  ["sources", "Sources"],
  ["readings", "Competing readings"],
] as const;

export type TLoggedVersion = Omit<TCellState, never> & {
  confidence: string;
  asOf: string;
  summary: string;
  quote: string | null;
  notes: string | null;
  /** The titles of its sources, in citation order. */
  sources: string[];
  /** Its competing readings in words (lib/cells/readings.ts), or null. */
  readings: string | null;
};

export type TFieldChange = { field: (typeof LOGGED_FIELDS)[number][0]; name: string; before: string | null; after: string | null };

/** Every field that differs between two versions of a cell, as text (a first version: every field that has a value). */
export function diffVersions(before: TLoggedVersion | null, after: TLoggedVersion): TFieldChange[] {
  const asText = (version: TLoggedVersion | null, field: TFieldChange["field"]): string | null => {
    if (version === null) return null;
    if (field === "score") return formatScore(version.score);
    if (field === "status") return STATUS_LABELS[version.status];
    if (field === "sources") return version.sources.length === 0 ? null : version.sources.join("; ");
    return version[field];
  };
  return LOGGED_FIELDS.flatMap(([field, name]) => {
    const [from, to] = [asText(before, field), asText(after, field)];
    return from === to ? [] : [{ field, name, before: from, after: to }];
  });
}

import { describeShift } from "./compare";
import { STATUS_LABELS, type TIssue, type TScore, type TStatus } from "./domain";
import { formatScore } from "./format";

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

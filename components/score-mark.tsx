import type { TConfidence, TIssue, TScore, TStatus } from "@/lib/domain/words";
import { STATUS_LABELS, stepWords } from "@/lib/domain/words";
import { describeScore, formatScore } from "@/lib/domain/format";
import { scoreClass } from "@/components/score-badge";
import type { TRange } from "@/lib/cells/readings";

/** A shape per score, so a mark reads without colour: ▼▼ −2, ▼ −1, ● 0, ▲ +1, ▲▲ +2; ? when unknown. */
const SHAPES: Record<string, string> = { "-2": "▼▼", "-1": "▼", "0": "●", "1": "▲", "2": "▲▲" };

/**
 * A score as a compact mark: shape, signed number and colour (three cues), with the score in words
 * for screen readers. Unknown is a dashed, hatched "?", never a 0. With its issue, the mark's tooltip
 * names the option its step stands for on that issue's scale.
 */
export function ScoreMark({ score, issue }: { score: TScore; issue?: Pick<TIssue, "steps"> }) {
  if (score === null) {
    return (
      <span className="mark mark-unknown">
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">No score</span>
      </span>
    );
  }
  const option = issue ? stepWords(issue, score) : null;
  return (
    <span className={`mark ${scoreClass(score)}`} title={option ? `${formatScore(score)}: ${option}` : undefined}>
      <span className="mark-shape" aria-hidden="true">
        {SHAPES[String(score)]}
      </span>
      <strong>{formatScore(score)}</strong>
      <span className="visually-hidden"> ({describeScore(score)})</span>
    </span>
  );
}

/** How a position is known, as a symbol: ◆ stated on the record, ◇ reported, ⊘ undisclosed, – none found. */
export const STATUS_SYMBOLS: Record<TStatus, string> = { stated: "◆", reported: "◇", undisclosed: "⊘", no_position: "–" };
/** Confidence as filled dots out of three. */
export const CONFIDENCE_SYMBOLS: Record<TConfidence, string> = { high: "●●●", medium: "●●○", low: "●○○" };

/** Status and confidence as small symbols, with their words for screen readers and as a tooltip. */
export function StatusIcons({ status, confidence }: { status: TStatus; confidence: TConfidence }) {
  const words = `${STATUS_LABELS[status]}, ${confidence} confidence`;
  return (
    <span className="status-icons" title={words}>
      <span aria-hidden="true">
        {STATUS_SYMBOLS[status]} {CONFIDENCE_SYMBOLS[confidence]}
      </span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}

/** The range of a contested cell's readings in words: "−2 to −1", or that they differ only in status. */
export function describeRange(range: TRange | null): string {
  if (range === null) return "they differ in status, not in score";
  return range.min === range.max
    ? `all scored ${formatScore(range.min)}, but in different statuses`
    : `${formatScore(range.min)} to ${formatScore(range.max)}`;
}

/**
 * The mark of a cell whose independent sources disagree: a shape (↕) and the range of the readings
 * that stand, with the same in words for screen readers. Never colour alone.
 */
export function ContestedMark({ range }: { range: TRange | null }) {
  const shown =
    range === null ? "status" : range.min === range.max ? formatScore(range.min) : `${formatScore(range.min)}…${formatScore(range.max)}`;
  return (
    <span className="contested-flag" title={`Sources disagree: ${describeRange(range)}`}>
      <span aria-hidden="true">↕ {shown}</span>
      <span className="visually-hidden"> Sources disagree: {describeRange(range)};</span>
    </span>
  );
}

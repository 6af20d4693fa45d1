import type { TScore, TStatus } from "@/lib/domain/words";
import { STATUS_LABELS } from "@/lib/domain/words";
import { describeScore, formatScore } from "@/lib/domain/format";

/** The palette class of a known score: badge-sm2 … badge-s2. */
export function scoreClass(score: number): string {
  return `badge badge-s${score < 0 ? `m${-score}` : score}`;
}

/**
 * A score on the diverging scale: the signed number and a word, with colour as a third cue only.
 * An unknown score is drawn differently (dashed, hatched) and says why, so it never reads as 0.
 */
export function ScoreBadge({
  score,
  status,
  lowLabel,
  highLabel,
}: {
  score: TScore;
  status: TStatus;
  lowLabel: string;
  highLabel: string;
}) {
  if (score === null) {
    const reason = status === "undisclosed" || status === "no_position" ? STATUS_LABELS[status] : "No score";
    return (
      <span className="badge badge-unknown" data-score="none" title="No score: not counted in any metric">
        <span aria-hidden="true">?</span> {reason}
      </span>
    );
  }
  const pole = score < 0 ? `toward: ${lowLabel}` : score > 0 ? `toward: ${highLabel}` : "between the two ends";
  return (
    <span className={scoreClass(score)} data-score={score} title={`${describeScore(score)}, ${pole}`}>
      <strong>{formatScore(score)}</strong> {describeScore(score)}
    </span>
  );
}

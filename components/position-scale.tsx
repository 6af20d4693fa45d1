import type { TIssue, TScore } from "@/lib/domain/words";
import { describeScore, formatScore } from "@/lib/domain/format";
import { ScoreMark } from "@/components/score-mark";

/** A score placed on its issue's own scale: both ends named, the position's step marked in words too. */
export function PositionScale({ score, issue }: { score: TScore; issue: Pick<TIssue, "lowLabel" | "highLabel"> }) {
  return (
    <div className="position-scale">
      <p>
        <ScoreMark score={score} />{" "}
        {score === null ? (
          <>No score: the position is not known well enough to place. It is never counted as 0.</>
        ) : (
          <>
            {describeScore(score)}
            {score < 0 ? `, toward “${issue.lowLabel}”` : score > 0 ? `, toward “${issue.highLabel}”` : ", between the two ends"}.
          </>
        )}
      </p>
      <ol className="scale-steps" aria-label="The issue's scale">
        {[-2, -1, 0, 1, 2].map((step) => (
          <li key={step} aria-current={step === score ? "true" : undefined}>
            <strong>{formatScore(step)}</strong>
            {step === -2 && <> {issue.lowLabel}</>}
            {step === 2 && <> {issue.highLabel}</>}
            {step === score && <span className="visually-hidden"> (this position)</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

import type { TIssue, TScore } from "@/lib/domain/words";
import { describeScore, formatScore } from "@/lib/domain/format";
import { ScoreMark } from "@/components/score-mark";

/**
 * A score placed on its issue's own scale: every step with the option it stands for (an
 * interpolated step says so), the position's step marked in words too.
 */
export function PositionScale({ score, issue }: { score: TScore; issue: Pick<TIssue, "lowLabel" | "highLabel" | "steps"> }) {
  const here = issue.steps.find((s) => s.score === score);
  return (
    <div className="position-scale">
      <p>
        <ScoreMark score={score} />{" "}
        {score === null ? (
          <>No score: the position is not known well enough to place. It is never counted as 0.</>
        ) : (
          <>
            {describeScore(score)}
            {here?.label
              ? `: “${here.label}”`
              : score < 0
                ? `, toward “${issue.lowLabel}”`
                : score > 0
                  ? `, toward “${issue.highLabel}”`
                  : ", between the two ends"}
            .
          </>
        )}
      </p>
      <ol className="scale-steps" aria-label="The issue's scale">
        {issue.steps.map((step) => (
          <li key={step.score} aria-current={step.score === score ? "true" : undefined}>
            <strong>{formatScore(step.score)}</strong> <StepLabel step={step} />
            {step.score === score && <span className="visually-hidden"> (this position)</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** A step's option, "interpolated" when no documented option stands there, or a plain dash when none is written down. */
export function StepLabel({ step }: { step: TIssue["steps"][number] }) {
  if (!step.label) return <span className="meta">no option written down</span>;
  return (
    <>
      {step.label}
      {step.interpolated && <em className="meta"> (interpolated: no documented option)</em>}
    </>
  );
}

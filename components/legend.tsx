import type { TIssue } from "@/lib/domain/words";
import { describeScore, formatScore } from "@/lib/domain/format";
import { scoreClass } from "@/components/score-badge";

const SCALE = [-2, -1, 0, 1, 2] as const;

/** Explains the scale in general and, per shown issue, what its two ends mean. */
export function Legend({ scaleNote, issues }: { scaleNote: string; issues: readonly TIssue[] }) {
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">How to read the scores</h2>
      <p>{scaleNote}</p>
      <ul className="legend-scale">
        {SCALE.map((score) => (
          <li key={score}>
            <span className={scoreClass(score)}>
              <strong>{formatScore(score)}</strong> {describeScore(score)}
            </span>
          </li>
        ))}
        <li>
          <span className="badge badge-unknown">
            <span aria-hidden="true">?</span> Undisclosed / no position: no score, never counted as 0
          </span>
        </li>
      </ul>
      {issues.length > 0 && (
        <table className="legend-issues">
          <caption>What the ends of the scale mean on each issue shown</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">{formatScore(-2)} means</th>
              <th scope="col">{formatScore(2)} means</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => (
              <tr key={issue.slug}>
                <th scope="row">{issue.name}</th>
                <td>{issue.lowLabel}</td>
                <td>{issue.highLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import type { TComparison } from "@/lib/compare";
import { ScoreBadge } from "./score-badge";
import { PositionCell } from "./position-cell";
import { WordDiff } from "./word-diff";

const KIND_LABELS = { same: "Same", different: "Different", unknown: "Unknown" } as const;

/** Two parties side by side, issue by issue: scores, the shift in the issue's words, summaries and sources; the word diff on request. */
export function CompareTable({ comparison, wordDiff }: { comparison: TComparison; wordDiff: boolean }) {
  const { a, b, rows } = comparison;
  return (
    <>
      <div className="matrix-scroll" role="region" aria-label="Comparison, scrolls in both directions" tabIndex={0}>
        <table className="matrix compare" data-testid="compare-table">
          <caption className="visually-hidden">
            {a.name} (A) and {b.name} (B), issue by issue
          </caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Scores and shift from A to B</th>
              <th scope="col">A: {a.name}</th>
              <th scope="col">B: {b.name}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.issue.slug} data-issue={row.issue.slug} data-kind={row.kind}>
                <th scope="row">
                  <span className="issue-name">{row.issue.name}</span>
                </th>
                <td>
                  <p className="compare-scores">
                    A{" "}
                    <ScoreBadge
                      score={row.a?.score ?? null}
                      status={row.a?.status ?? "no_position"}
                      lowLabel={row.issue.lowLabel}
                      highLabel={row.issue.highLabel}
                    />{" "}
                    B{" "}
                    <ScoreBadge
                      score={row.b?.score ?? null}
                      status={row.b?.status ?? "no_position"}
                      lowLabel={row.issue.lowLabel}
                      highLabel={row.issue.highLabel}
                    />
                  </p>
                  <p>
                    <strong>{KIND_LABELS[row.kind]}:</strong> {row.direction}
                  </p>
                  {wordDiff && row.a && row.b && row.a.summary !== row.b.summary && (
                    <details>
                      <summary>What B says differently</summary>
                      <WordDiff from={row.a.summary} to={row.b.summary} />
                    </details>
                  )}
                </td>
                <td>
                  <PositionCell position={row.a} issue={row.issue} />
                </td>
                <td>
                  <PositionCell position={row.b} issue={row.issue} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

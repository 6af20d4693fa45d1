import type { TComparison, TCompareRow } from "@/lib/analysis/compare";
import { formatPercent } from "@/lib/analysis/divergence";
import { ScoreMark, StatusIcons } from "@/components/score-mark";
import { PositionCell } from "@/components/position-cell";
import { WordDiff } from "@/components/word-diff";

const KIND_LABELS = { same: "Same", different: "Different", unknown: "Unknown" } as const;

/** One side of a row: the mark, the label and how the position is known, or that there is none. */
function Side({ position }: { position: TCompareRow["a"] }) {
  if (!position) return <span className="missing">No data</span>;
  return (
    <span className="compare-side">
      <ScoreMark score={position.score} /> <StatusIcons status={position.status} confidence={position.confidence} />
      <span className="compare-label">{position.label}</span>
    </span>
  );
}

/**
 * Two parties side by side, one compact row per issue: each side's mark and label, the gap in the
 * issue's own words and the agreement on that issue. Each row's summaries and sources are one click
 * away (a `<details>`, open for every row with `details=all`); print shows them all.
 */
export function CompareTable({ comparison, wordDiff, allDetails }: { comparison: TComparison; wordDiff: boolean; allDetails: boolean }) {
  const { a, b, rows } = comparison;
  return (
    <div className="matrix-scroll" role="region" aria-label="Comparison" tabIndex={0}>
      <table className="matrix compare" data-testid="compare-table">
        <caption className="visually-hidden">
          {a.name} (A) and {b.name} (B), issue by issue
        </caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">A: {a.name}</th>
            <th scope="col">B: {b.name}</th>
            <th scope="col">Gap from A to B</th>
            <th scope="col">Agreement</th>
          </tr>
        </thead>
        {rows.map((row) => (
          <tbody key={row.issue.slug} className="compare-issue">
            <tr data-issue={row.issue.slug} data-kind={row.kind}>
              <th scope="row">
                <span className="issue-name">{row.issue.name}</span>
              </th>
              <td>
                <Side position={row.a} />
              </td>
              <td>
                <Side position={row.b} />
              </td>
              <td>
                <strong>{KIND_LABELS[row.kind]}:</strong> {row.direction}
              </td>
              <td className="compare-agreement">{row.agreement === null ? "—" : formatPercent(row.agreement)}</td>
            </tr>
            <tr className="compare-more">
              <td colSpan={5}>
                <details open={allDetails}>
                  <summary>
                    Summaries and sources<span className="visually-hidden">: {row.issue.name}</span>
                  </summary>
                  <div className="compare-two-up">
                    <div>
                      <h3>A: {a.name}</h3>
                      <PositionCell position={row.a} issue={row.issue} />
                    </div>
                    <div>
                      <h3>B: {b.name}</h3>
                      <PositionCell position={row.b} issue={row.issue} />
                    </div>
                  </div>
                  {wordDiff && row.a && row.b && row.a.summary !== row.b.summary && (
                    <div className="compare-diff">
                      <h3>What B says differently</h3>
                      <WordDiff from={row.a.summary} to={row.b.summary} />
                    </div>
                  )}
                </details>
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}

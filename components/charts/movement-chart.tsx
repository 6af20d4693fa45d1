import type { TMovement, TScoreGrid } from "@/lib/analysis/analytics";
import { styleOfParty } from "@/lib/analysis/chart-data";
import { SYMBOL_PATHS } from "@/components/charts/party-symbol";
import { CHART_WIDTH, RowLabel, ScoreAxis, xOf } from "@/components/charts/score-axis";

const ROW = 26;
/** At most this many issues are drawn; the sentences and the JSON cover every one. */
export const MOVEMENT_CHART_ROWS = 60;
const x = xOf;

/**
 * "How the drafts moved": per issue, each document's score in date order, joined by arrows from
 * one known score to the next; a document with no known score is left out of the line (a gap),
 * never drawn at 0. Server-rendered SVG, hidden from screen readers: the sentences say it in words.
 */
export function MovementChart({ movement, grid, columns }: { movement: TMovement; grid: TScoreGrid; columns: Record<string, number> }) {
  const documents = movement.documents.map((slug) => grid.parties.findIndex((p) => p.slug === slug));
  const issues = grid.issues.slice(0, MOVEMENT_CHART_ROWS);
  const height = 30 + issues.length * ROW + 10;
  return (
    <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} className="svg-chart" aria-hidden="true" data-chart="movement">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0 0 10 5 0 10Z" className="arrow-head" />
        </marker>
      </defs>
      <ScoreAxis top={20} bottom={height - 10} />
      {issues.map((issue, i) => {
        const y = 34 + i * ROW;
        const known = documents.map((p) => ({ p, score: grid.scores[i]?.[p] ?? null })).filter((d) => d.score !== null);
        return (
          <g key={issue.slug} data-issue={issue.slug}>
            <RowLabel y={y} text={issue.name} />
            {known.slice(1).map((to, k) => {
              const from = known[k]!;
              if (from.score === to.score) return null;
              const direction = Math.sign(to.score! - from.score!);
              return (
                <line
                  key={to.p}
                  x1={x(from.score!) + direction * 7}
                  x2={x(to.score!) - direction * 9}
                  y1={y}
                  y2={y}
                  className="move-line"
                  markerEnd="url(#arrow)"
                />
              );
            })}
            {known.map(({ p, score }, k) => {
              const style = styleOfParty(columns[grid.parties[p]!.slug] ?? p);
              // Documents on the same score sit side by side rather than on top of each other.
              const same = known.slice(0, k).filter((d) => d.score === score).length;
              return (
                <path
                  key={p}
                  d={SYMBOL_PATHS[style.shape]}
                  transform={`translate(${x(score!) - 8 + same * 6} ${y - 8 - same * 3})`}
                  fill={style.color}
                  stroke="currentColor"
                  strokeWidth="0.6"
                />
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

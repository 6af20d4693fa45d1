import { describeLean, type TLean, type TPoleNames } from "@/lib/analysis/analytics";
import { styleOfParty } from "@/lib/analysis/chart-data";
import { SYMBOL_PATHS } from "@/components/charts/party-symbol";
import { AXIS_LEFT, CHART_WIDTH, RowLabel, ScoreAxis, xOf } from "@/components/charts/score-axis";

const ROW = 28;
const x = xOf;

/**
 * "Where each party leans": each party's mean known score on the −2..+2 axis, drawn on the server
 * as SVG. The sentences below it carry the same figures in words (the chart is hidden from screen
 * readers). `columns` gives each party its marker, the same as in every chart.
 */
export function LeanChart({ lean, poles, columns }: { lean: TLean[]; poles: TPoleNames; columns: Record<string, number> }) {
  const height = 40 + lean.length * ROW + 30;
  return (
    <figure className="chart-figure">
      <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} className="svg-chart" aria-hidden="true" data-chart="lean">
        <ScoreAxis top={24} bottom={height - 30} />
        {lean.map((row, index) => {
          const y = 40 + index * ROW;
          const style = styleOfParty(columns[row.party] ?? index);
          return (
            <g key={row.party}>
              <RowLabel y={y} text={row.name} />
              {row.mean === null ? (
                <text x={x(0)} y={y + 4} textAnchor="middle" className="chart-note">
                  no known score
                </text>
              ) : (
                <>
                  <line x1={x(0)} x2={x(row.mean)} y1={y} y2={y} className="lean-bar" />
                  <path
                    d={SYMBOL_PATHS[style.shape]}
                    transform={`translate(${x(row.mean) - 8} ${y - 8})`}
                    fill={style.color}
                    stroke="currentColor"
                    strokeWidth="0.6"
                  />
                </>
              )}
            </g>
          );
        })}
        <text x={AXIS_LEFT} y={height - 10} className="axis-label">
          ← toward {poles.low}
        </text>
        <text x={xOf(2)} y={height - 10} textAnchor="end" className="axis-label">
          toward {poles.high} →
        </text>
      </svg>
      <figcaption>
        <ul className="chart-sentences" data-testid="lean-sentences">
          {lean.map((row) => (
            <li key={row.party}>{describeLean(row, poles)}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

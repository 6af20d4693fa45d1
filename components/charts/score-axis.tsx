import { formatScore } from "@/lib/domain/format";

/** The width of the server-drawn charts' view box, and where their −2..+2 axis runs. */
export const CHART_WIDTH = 640;
export const AXIS_LEFT = 220;
const AXIS_RIGHT = 620;

/** The x of a score on the axis. */
export const xOf = (score: number) => AXIS_LEFT + ((score + 2) / 4) * (AXIS_RIGHT - AXIS_LEFT);

/** A row label at the axis's left, cut to fit. */
export function RowLabel({ y, text }: { y: number; text: string }) {
  return (
    <text x={AXIS_LEFT - 10} y={y + 4} textAnchor="end" className="axis-label">
      {text.length > 32 ? `${text.slice(0, 31)}…` : text}
    </text>
  );
}

/** The −2..+2 grid lines with their numbers at the top; 0 drawn stronger. */
export function ScoreAxis({ top, bottom }: { top: number; bottom: number }) {
  return [-2, -1, 0, 1, 2].map((tick) => (
    <g key={tick}>
      <line x1={xOf(tick)} x2={xOf(tick)} y1={top} y2={bottom} className={tick === 0 ? "axis-zero" : "axis-grid"} />
      <text x={xOf(tick)} y={top - 8} textAnchor="middle" className="axis-label">
        {formatScore(tick)}
      </text>
    </g>
  ));
}

// What the disagreement of sources does to the metrics: every figure of the charts (lean, spread,
// agreement, movement) at each cell's preferred reading and at both ends of every contested cell's
// range, in the manner of UCDP's low and high estimates. Pure: the charts page, the divergence JSON
// and their tests use it.
import { measureGrid, measureLean, measureMovement, type TMeasuredGrid } from "./analytics";
import { formatScore } from "../domain/format";
import type { TScore } from "../domain/words";

/** The scores of a grid at the low and at the high end of each contested cell's range, parallel to its `scores`. */
export type TEndGrids = { low: TScore[][]; high: TScore[][] };

export const FIGURE_METRICS = ["lean", "spread", "agreement", "movement"] as const;
export type TFigureMetric = (typeof FIGURE_METRICS)[number];

/** One figure at the preferred readings and at both ends, as the charts print it ("+1.2", "3", "58%"). */
export type TFigure = { metric: TFigureMetric; subject: string; preferred: string; low: string; high: string };

const lean = (mean: number | null) =>
  mean === null ? "no known score" : formatScore(Number(mean.toFixed(1))).replace(/^([+−]?\d)$/, "$1.0");
const percent = (share: number | null) => (share === null ? "no shared issue" : `${Math.round(share * 100)}%`);

/** Every figure of one grid, by metric and subject, in a fixed order. */
function figuresOf(grid: TMeasuredGrid): Map<string, { metric: TFigureMetric; subject: string; value: string }> {
  const figures = new Map<string, { metric: TFigureMetric; subject: string; value: string }>();
  const add = (metric: TFigureMetric, subject: string, value: string) => figures.set(`${metric}|${subject}`, { metric, subject, value });
  const name = (slug: string) => grid.parties.find((p) => p.slug === slug)?.name ?? slug;
  for (const l of measureLean(grid)) add("lean", l.name, lean(l.mean));
  const divergence = measureGrid(grid);
  divergence.issues.forEach((issue, i) =>
    add("spread", grid.issues[i]!.name, issue.spread === null ? "fewer than two scores" : String(issue.spread)),
  );
  for (const pair of divergence.pairs) add("agreement", `${name(pair.a)} – ${name(pair.b)}`, percent(pair.agreement));
  for (const m of measureMovement(grid).summary)
    add(
      "movement",
      `${name(m.from)} → ${name(m.to)}`,
      `${m.towardLow} toward the low end, ${m.towardHigh} toward the high end, ${m.unchanged} unchanged, ${m.unknown} unknown`,
    );
  return figures;
}

/** Every figure at the preferred readings and at both ends of the ranges. */
export function figuresAtEnds(grid: TMeasuredGrid, ends: TEndGrids): TFigure[] {
  const [low, high] = [figuresOf({ ...grid, scores: ends.low }), figuresOf({ ...grid, scores: ends.high })];
  return [...figuresOf(grid)].map(([key, { metric, subject, value }]) => ({
    metric,
    subject,
    preferred: value,
    low: low.get(key)!.value,
    high: high.get(key)!.value,
  }));
}

/** The figures that differ at either end from the preferred readings': the ones the disagreement of sources moves. */
export const changedFigures = (figures: readonly TFigure[]): TFigure[] =>
  figures.filter((f) => f.low !== f.preferred || f.high !== f.preferred);

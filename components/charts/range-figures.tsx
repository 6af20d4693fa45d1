import Link from "next/link";
import { ScrollRegion } from "@/components/scroll-region";
import type { TFigure, TFigureMetric } from "@/lib/analysis/ranges";

const METRIC_NAMES: Record<TFigureMetric, string> = {
  lean: "Lean",
  spread: "Spread",
  agreement: "Agreement",
  movement: "Movement",
};

/**
 * What the disagreement of sources does to the charts: how many of the cells they use are contested,
 * a link to read them at both ends of the ranges (or back), and with `readings=range` every figure
 * that changes, side by side at the preferred readings and at the low and high ends.
 */
export function RangeFigures(props: { cells: { used: number; contested: number }; changed: TFigure[] | null; toggleHref: string }) {
  const { cells, changed, toggleHref } = props;
  const cellWord = (n: number) => `${n.toLocaleString("en")} cell${n === 1 ? "" : "s"}`;
  return (
    <section aria-labelledby="ranges-title" data-testid="chart-ranges">
      <h2 id="ranges-title">Where sources disagree</h2>
      <p data-testid="contested-count">
        Every figure below uses each cell&apos;s preferred reading. Of the {cellWord(cells.used)} these charts use,{" "}
        {cells.contested === 0 ? "none is contested" : `${cellWord(cells.contested)} ${cells.contested === 1 ? "is" : "are"} contested`}{" "}
        (independent sources put them on different steps or give different statuses).{" "}
        <Link href={toggleHref}>{changed ? "Use the preferred readings only" : "Show the figures at both ends of the ranges"}</Link>
      </p>
      {changed &&
        (changed.length === 0 ? (
          <p className="meta" data-testid="range-figures">
            No figure changes at either end of the ranges.
          </p>
        ) : (
          <ScrollRegion label="Figures at both ends of the ranges">
            <table data-testid="range-figures">
              <caption>
                The {changed.length} figure{changed.length === 1 ? "" : "s"} that change when each contested cell is read at the low or the
                high end of its range; every other figure is the same at both ends.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">Of</th>
                  <th scope="col">Preferred readings</th>
                  <th scope="col">Low end</th>
                  <th scope="col">High end</th>
                </tr>
              </thead>
              <tbody>
                {changed.map((f) => (
                  <tr key={`${f.metric}|${f.subject}`}>
                    <th scope="row">{METRIC_NAMES[f.metric]}</th>
                    <td>{f.subject}</td>
                    <td>{f.preferred}</td>
                    <td>{f.low}</td>
                    <td>{f.high}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ))}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DistanceHeatmap } from "@/components/charts/distance-heatmap";
import { LeanChart } from "@/components/charts/lean-chart";
import { MovementChart } from "@/components/charts/movement-chart";
import { SpreadTable } from "@/components/charts/spread-table";
import { Notices } from "@/components/notices";
import { describeMovement, measureGrid, measureLean, measureMovement } from "@/lib/analysis/analytics";
import { scaleEnds } from "@/lib/domain/words";
import { toDistanceGrid, toSpreadRanking } from "@/lib/analysis/chart-data";
import { CHARTS, isChartName } from "@/lib/formats/chart-exports";
import { formatDate } from "@/lib/domain/format";
import { describeFilters, toMatrixSearchParams, toQueryString } from "@/lib/params/matrix-params";
import { getChartsView } from "@/lib/read/score-view";
import { href } from "@/lib/params/urls";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ slug: string; chart: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { chart } = await params;
  return { title: isChartName(chart) ? CHARTS[chart] : "Page not found" };
}

/**
 * One chart with minimal chrome, for other sites to frame (only `/embed/...` may be framed; see
 * next.config.js): the chart, its sentences, the filters, the data's date and a link to the source.
 */
export default async function EmbeddedChart({ params, searchParams }: TProps) {
  const [{ slug, chart }, raw] = await Promise.all([params, searchParams]);
  if (!isChartName(chart)) notFound();
  const read = await getChartsView(slug, raw);
  if (!read) notFound();
  const { view, scores } = read;
  const columns = Object.fromEntries(scores.parties.map((p, index) => [p.slug, index]));
  const poles = scaleEnds(scores.negotiation);
  const query = toQueryString(toMatrixSearchParams({ ...scores.params, page: 1, density: "compact" }));
  const source = href("charts", { slug }, query, chart);
  const divergence = measureGrid(scores);
  const movement = measureMovement(scores);
  return (
    <article className="embed" data-testid="embed">
      <h1>
        {CHARTS[chart]}: {scores.negotiation.title}
      </h1>
      <Notices notices={scores.notices} />
      {chart === "lean" && <LeanChart lean={measureLean(scores)} poles={poles} columns={columns} />}
      {chart === "movement" && (
        <>
          <MovementChart movement={movement} grid={scores} columns={columns} />
          <ul className="chart-sentences">
            {movement.summary.map((pair) => (
              <li key={`${pair.from}-${pair.to}`}>{describeMovement(movement, pair, scores, poles)}</li>
            ))}
          </ul>
        </>
      )}
      {chart === "spread" && <SpreadTable ranking={toSpreadRanking(view.matrix)} open />}
      {chart === "agreement" && (
        <DistanceHeatmap
          slug={slug}
          issueCount={scores.issues.length}
          filters={query.replace("?", "&")}
          parties={scores.parties}
          grid={toDistanceGrid(
            scores.parties.map((p) => p.slug),
            divergence.pairs,
          )}
        />
      )}
      <p className="meta">
        Filters: {describeFilters(scores.params)}.{" "}
        {scores.params.asOf ? `As it stood on ${formatDate(scores.params.asOf)}` : `Data as of ${formatDate(scores.negotiation.asOf)}`}.
        Source:{" "}
        <Link href={source} target="_top">
          Negotiation positions
        </Link>
        .
      </p>
    </article>
  );
}

import { notFound } from "next/navigation";
import { DistanceHeatmap } from "@/components/charts/distance-heatmap";
import { LazySpreadChart } from "@/components/charts/lazy-charts";
import { SpreadTable } from "@/components/charts/spread-table";
import { StripPlots } from "@/components/charts/strip-plots";
import { MatrixFilters } from "@/components/matrix-filters";
import { NegotiationHeader } from "@/components/negotiation-header";
import { Pagination } from "@/components/pagination";
import { Notices } from "@/components/notices";
import { toDistanceGrid, toSpreadRanking, toStripData } from "@/lib/chart-data";
import { measureMatrix } from "@/lib/matrix";
import { toMatrixSearchParams, toQueryString } from "@/lib/matrix-params";
import { getMatrixView } from "@/lib/queries/matrix-view";
import { negotiationMetadata, type TNegotiationPageProps } from "../page-props";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata("Charts");

export default async function ChartsPage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const view = getMatrixView(slug, raw);
  if (!view) notFound();
  const { negotiation, matrix, page } = view;
  const parties = matrix.parties.map(({ slug, name }) => ({ slug, name }));
  const ranking = toSpreadRanking(matrix);
  return (
    <>
      <NegotiationHeader
        negotiation={negotiation}
        current="charts"
        query={toQueryString(toMatrixSearchParams({ ...view.params, page: 1 }))}
      />
      <Notices notices={view.notices} />
      <MatrixFilters
        basePath={`/negotiations/${slug}/charts`}
        issues={view.issueOptions}
        parties={view.partyOptions}
        params={view.params}
      />
      <p className="meta">Unknown positions (undisclosed, no position) are never plotted or counted as 0; they are named in words.</p>
      {page.pageCount > 1 && (
        <p className="meta" data-testid="charts-page-note">
          These charts cover the {matrix.rows.length} issues on page {page.number} of {page.pageCount}; the divergence JSON covers all{" "}
          {page.rowCount}.
        </p>
      )}
      <section aria-labelledby="strips-title" data-testid="chart-strips">
        <h2 id="strips-title">Where each party stands</h2>
        <StripPlots issues={toStripData(matrix)} parties={parties} />
      </section>
      <section aria-labelledby="spread-title" data-testid="chart-spread">
        <h2 id="spread-title">Most contested issues</h2>
        <p className="meta">Spread = highest minus lowest known score among the parties shown (0 to 4).</p>
        <LazySpreadChart ranking={ranking} />
        {ranking.unranked.length > 0 && (
          <p className="meta">Not ranked (fewer than two known scores): {ranking.unranked.map((u) => u.name).join(", ")}.</p>
        )}
        <SpreadTable ranking={ranking} />
      </section>
      <section aria-labelledby="distance-title" data-testid="chart-distance">
        <h2 id="distance-title">How far apart</h2>
        <p className="meta">
          Distance = mean |a − b| ÷ 4 over the issues both parties scored: 0 identical, 1 opposite poles. Choose a cell to compare the pair.
        </p>
        <DistanceHeatmap
          slug={slug}
          parties={parties}
          grid={toDistanceGrid(
            parties.map((p) => p.slug),
            measureMatrix(matrix).pairs,
          )}
        />
      </section>
      <Pagination basePath={`/negotiations/${slug}/charts`} params={view.params} page={page} />
    </>
  );
}

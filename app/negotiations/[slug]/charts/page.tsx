import { notFound } from "next/navigation";
import { AnchorNote } from "@/components/anchor-note";
import { LeanChart } from "@/components/charts/lean-chart";
import { MOVEMENT_CHART_ROWS, MovementChart } from "@/components/charts/movement-chart";
import { DistanceHeatmap } from "@/components/charts/distance-heatmap";
import { LazySpreadChart } from "@/components/charts/lazy-charts";
import { SpreadTable } from "@/components/charts/spread-table";
import { StripPlots } from "@/components/charts/strip-plots";
import { MatrixFilters } from "@/components/matrix-filters";
import { NegotiationHeader } from "@/components/negotiation-header";
import { Pagination } from "@/components/pagination";
import { Notices } from "@/components/notices";
import { describeMovement, measureGrid, measureLean, measureMovement } from "@/lib/analysis/analytics";
import { scaleEnds } from "@/lib/domain/words";
import { styleOfParty, toDistanceGrid, toSpreadRanking, toStripData } from "@/lib/analysis/chart-data";
import { PartySymbol } from "@/components/charts/party-symbol";
import { toCsvFilename } from "@/lib/formats/csv";
import { describeFilters, toMatrixSearchParams, toQueryString } from "@/lib/params/matrix-params";
import { CHARTS, type TChartName } from "@/lib/formats/chart-exports";
import { ChartTools } from "@/components/charts/chart-tools";
import { formatDate } from "@/lib/domain/format";
import { getChartsView, readingsOfView } from "@/lib/read/score-view";
import { RangeFigures } from "@/components/charts/range-figures";
import { negotiationMetadata, type TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";
import { href } from "@/lib/params/urls";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata("Charts");

export default async function ChartsPage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const read = await getChartsView(slug, raw);
  if (!read) notFound();
  const { view, scores } = read;
  const { negotiation, matrix, page } = view;
  const parties = matrix.parties.map(({ slug, name }) => ({ slug, name }));
  const columns = Object.fromEntries(parties.map((p, index) => [p.slug, index]));
  const ranking = toSpreadRanking(matrix);
  const poles = scaleEnds(view.negotiation);
  const movement = measureMovement(scores);
  const basePath = href("charts", { slug });
  const query = toQueryString(toMatrixSearchParams({ ...view.params, page: 1, density: "compact" }));
  const tools = (chart: TChartName) => (
    <ChartTools
      target={chart}
      title={`${CHARTS[chart]}: ${negotiation.title}`}
      stamp={[
        `Filters: ${describeFilters(view.params)}. ${view.params.asOf ? `As it stood on ${formatDate(view.params.asOf)}` : `Data as of ${formatDate(negotiation.asOf)}`}.`,
        `Source: Negotiation positions, ${basePath}${query}`,
      ]}
      filename={toCsvFilename(negotiation, chart, view.params.asOf).slice(0, -".csv".length)}
      csvHref={href("chartCsv", { slug, chart: `${chart}.csv` }, query)}
      embedHref={href("embedChart", { slug, chart }, query)}
    />
  );
  // The compare links keep the view's issues, search and anchors (the pair replaces its parties).
  const filters = toQueryString(
    toMatrixSearchParams({ ...view.params, parties: null, sort: "order", page: 1, density: "compact" }),
  ).replace("?", "&");
  return (
    <>
      <NegotiationHeader
        negotiation={negotiation}
        current="charts"
        query={toQueryString(toMatrixSearchParams({ ...view.params, page: 1 }))}
        asOf={view.params.asOf}
      />
      <Notices notices={view.notices} />
      <MatrixFilters basePath={basePath} issues={view.issueOptions} parties={view.partyOptions} params={view.params} />
      <p className="meta">Unknown positions (undisclosed, no position) are never plotted or counted as 0; they are named in words.</p>
      <RangeFigures
        cells={scores.cells}
        changed={readingsOfView(scores).changed}
        toggleHref={`${basePath}${toQueryString(
          toMatrixSearchParams({ ...view.params, readings: view.params.readings === "range" ? "preferred" : "range", page: 1 }),
        )}`}
      />
      {page.pageCount > 1 && (
        <p className="meta" data-testid="charts-page-note">
          These charts cover the {matrix.rows.length} issues on page {page.number} of {page.pageCount}; the divergence JSON covers all{" "}
          {page.rowCount}.
        </p>
      )}
      <section id="lean" aria-labelledby="lean-title" data-testid="chart-lean">
        <h2 id="lean-title">Where each party leans</h2>
        <p className="meta">
          The mean of each party&apos;s known scores over the {scores.issues.length} issues of this view; unknown positions are left out and
          counted. Colour and shape mark the party, the same in every chart; the purple-to-orange colours belong to scores only.
        </p>
        <LeanChart lean={measureLean(scores)} poles={poles} columns={columns} />
        {tools("lean")}
      </section>
      <section id="movement" aria-labelledby="movement-title" data-testid="chart-movement">
        <h2 id="movement-title">How the drafts moved</h2>
        {movement.documents.length < 2 ? (
          <p className="meta">This view shows fewer than two documents, so there is no movement to show.</p>
        ) : (
          <>
            <p className="meta">
              The documents in date order ({movement.documents.map((d) => scores.parties.find((p) => p.slug === d)!.name).join(" → ")}
              ); arrows join each known score to the next, and a text with no known score leaves a gap, never a 0.
              {scores.issues.length > MOVEMENT_CHART_ROWS &&
                ` The chart draws the first ${MOVEMENT_CHART_ROWS} issues; the sentences cover all.`}
            </p>
            <ul className="party-key" aria-label="Marker of each document">
              {movement.documents.map((d) => (
                <li key={d}>
                  <PartySymbol style={styleOfParty(columns[d]!)} /> {scores.parties.find((p) => p.slug === d)!.name}
                </li>
              ))}
            </ul>
            <MovementChart movement={movement} grid={scores} columns={columns} />
            {tools("movement")}
            <ul className="chart-sentences" data-testid="movement-sentences">
              {movement.summary.map((pair) => (
                <li key={`${pair.from}-${pair.to}`}>{describeMovement(movement, pair, scores, poles)}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="strips-title" data-testid="chart-strips">
        <h2 id="strips-title">Where each party stands</h2>
        <StripPlots issues={toStripData(matrix)} parties={parties} />
      </section>
      <section id="spread" aria-labelledby="spread-title" data-testid="chart-spread">
        <h2 id="spread-title">Most contested issues</h2>
        <p className="meta">Spread = highest minus lowest known score among the parties shown (0 to 4).</p>
        <AnchorNote anchors={view.anchors} basePath={basePath} params={view.params} />
        <LazySpreadChart ranking={ranking} />
        {ranking.unranked.length > 0 && (
          <p className="meta">Not ranked (fewer than two known scores): {ranking.unranked.map((u) => u.name).join(", ")}.</p>
        )}
        <SpreadTable ranking={ranking} />
        {tools("spread")}
      </section>
      <section id="agreement" aria-labelledby="distance-title" data-testid="chart-distance">
        <h2 id="distance-title">How far apart</h2>
        <p className="meta">
          Agreement = 1 − mean |a − b| ÷ 4 over the issues both parties scored: 100% identical, 0% opposite poles. A pair that shares fewer
          than half of the {scores.issues.length} issues of this view is marked “few” with a dashed border: its figure rests on little.
          Colour: the further apart a pair, the stronger its cell; close pairs stay quiet. Choose a cell to compare the pair.
        </p>
        <DistanceHeatmap
          slug={slug}
          issueCount={scores.issues.length}
          filters={filters}
          parties={parties}
          grid={toDistanceGrid(
            parties.map((p) => p.slug),
            measureGrid(scores).pairs,
          )}
        />
        {tools("agreement")}
      </section>
      <Pagination basePath={basePath} params={view.params} page={page} />
    </>
  );
}

import { CHARTS, isChartName, toChartCsv } from "@/lib/chart-exports";
import { toCsvFilename } from "@/lib/csv";
import { csvResponse, jsonError, unknownNegotiationMessage, withJsonErrors } from "@/lib/http";
import { getScoreView } from "@/lib/queries/score-view";

export const dynamic = "force-dynamic";

/** `GET /negotiations/{slug}/charts/{chart}.csv`: one chart's data with the matrix's filters. */
export const GET = withJsonErrors<{ slug: string; chart: string }>(async (request, { params }) => {
  const { slug, chart: file } = await params;
  const chart = file.endsWith(".csv") ? file.slice(0, -".csv".length) : "";
  if (!isChartName(chart))
    return jsonError(404, `There is no chart file “${file.slice(0, 80)}”; the charts are ${Object.keys(CHARTS).join(", ")} (as .csv).`);
  const view = getScoreView(slug, new URL(request.url).searchParams);
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  return csvResponse(toChartCsv(chart, view), toCsvFilename(view.negotiation, chart, view.params.asOf));
});

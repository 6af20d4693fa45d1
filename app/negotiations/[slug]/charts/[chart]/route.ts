import { CHARTS, isChartName, toChartCsv } from "@/lib/formats/chart-exports";
import { toCsvFilename } from "@/lib/formats/csv";
import { csvResponse, jsonError, unknownNegotiationMessage } from "@/lib/http/responses";
import { withJsonErrors } from "@/lib/http/errors";
import { getScoreView } from "@/lib/read/score-view";

export const dynamic = "force-dynamic";

/** `GET /negotiations/{slug}/charts/{chart}.csv`: one chart's data with the matrix's filters. */
export const GET = withJsonErrors<{ slug: string; chart: string }>(async (request, { params }) => {
  const { slug, chart: file } = await params;
  const chart = file.endsWith(".csv") ? file.slice(0, -".csv".length) : "";
  if (!isChartName(chart))
    return jsonError(404, `There is no chart file “${file.slice(0, 80)}”; the charts are ${Object.keys(CHARTS).join(", ")} (as .csv).`);
  const view = await getScoreView(slug, new URL(request.url).searchParams);
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  return csvResponse(toChartCsv(chart, view), toCsvFilename(view.negotiation, chart, view.params.asOf));
});

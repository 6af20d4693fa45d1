import { CHARTS, isChartName, toChartCsv } from "@/lib/formats/chart-exports";
import { toCsvFilename } from "@/lib/formats/csv";
import { csvResponse } from "@/lib/http/responses";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { getScoreView } from "@/lib/read/score-view";
import { AppError } from "@/lib/domain/errors";

export const dynamic = "force-dynamic";

/** `GET /negotiations/{slug}/charts/{chart}.csv`: one chart's data with the matrix's filters. */
export const GET = withJsonErrors<{ slug: string; chart: string }>(async (request, { params }) => {
  const { slug, chart: file } = await params;
  const chart = file.endsWith(".csv") ? file.slice(0, -".csv".length) : "";
  if (!isChartName(chart))
    throw new AppError(
      "not_found",
      `There is no chart file “${file.slice(0, 80)}”; the charts are ${Object.keys(CHARTS).join(", ")} (as .csv).`,
    );
  const view = await getScoreView(slug, new URL(request.url).searchParams);
  if (!view) throw unknownNegotiation(slug);
  return csvResponse(toChartCsv(chart, view), toCsvFilename(view.negotiation, chart, view.params.asOf));
});

import { CSV_LAYOUTS, toCsvFilename, type TCsvLayout } from "@/lib/csv";
import { csvResponse, jsonError, streamText, unknownNegotiationMessage, withJsonErrors } from "@/lib/http";
import { openMatrixExport } from "@/lib/queries/matrix-export";
import { publicOrigin } from "@/lib/public-origin";

export const dynamic = "force-dynamic";

function isLayout(value: string): value is TCsvLayout {
  return (CSV_LAYOUTS as readonly string[]).includes(value);
}

/** Every row of the view as CSV (not one page), streamed. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const layout = search.get("layout") ?? "wide";
  if (!isLayout(layout)) return jsonError(400, `Unknown layout; use one of: ${CSV_LAYOUTS.join(", ")}.`);
  const view = openMatrixExport(slug, search, layout, publicOrigin(request));
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  return csvResponse(streamText(view.pieces, view.close), toCsvFilename(view.negotiation, layout, view.asOf));
});

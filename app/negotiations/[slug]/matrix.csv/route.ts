import { CSV_LAYOUTS, toCsvFilename, type TCsvLayout } from "@/lib/formats/csv";
import { csvResponse, jsonError, streamText, unknownNegotiationMessage } from "@/lib/http/responses";
import { withJsonErrors } from "@/lib/http/errors";
import { openMatrixExport } from "@/lib/read/matrix-export";
import { publicOrigin } from "@/lib/params/origin";

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
  const view = await openMatrixExport(slug, search, layout, publicOrigin(request));
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  return csvResponse(streamText(view.pieces, view.close), toCsvFilename(view.negotiation, layout, view.asOf));
});

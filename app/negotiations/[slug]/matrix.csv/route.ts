import { CSV_LAYOUTS, toCsvFilename, type TCsvLayout } from "@/lib/formats/csv";
import { csvResponse, streamText } from "@/lib/http/responses";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { openMatrixExport } from "@/lib/read/matrix-export";
import { publicOrigin } from "@/lib/params/origin";
import { AppError } from "@/lib/domain/errors";

export const dynamic = "force-dynamic";

function isLayout(value: string): value is TCsvLayout {
  return (CSV_LAYOUTS as readonly string[]).includes(value);
}

/** Every row of the view as CSV (not one page), streamed. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const layout = search.get("layout") ?? "wide";
  if (!isLayout(layout)) throw new AppError("invalid", `Unknown layout; use one of: ${CSV_LAYOUTS.join(", ")}.`);
  const view = await openMatrixExport(slug, search, layout, publicOrigin(request));
  if (!view) throw unknownNegotiation(slug);
  return csvResponse(streamText(view.pieces, view.close), toCsvFilename(view.negotiation, layout, view.asOf));
});

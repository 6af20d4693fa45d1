import { jsonError, streamText, unknownNegotiationMessage, withJsonErrors } from "@/lib/http";
import { openMatrixExport } from "@/lib/queries/matrix-export";
import { publicOrigin } from "@/lib/public-origin";

export const dynamic = "force-dynamic";

/** Every row of the view as JSON (`ZMatrixJson`), streamed. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = openMatrixExport(slug, new URL(request.url).searchParams, "json", publicOrigin(request));
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  return new Response(streamText(view.pieces, view.close), { headers: { "Content-Type": "application/json; charset=utf-8" } });
});

import { streamText } from "@/lib/http/responses";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { openMatrixExport } from "@/lib/read/matrix-export";
import { publicOrigin } from "@/lib/params/origin";

export const dynamic = "force-dynamic";

/** Every row of the view as JSON (`ZMatrixJson`), streamed. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await openMatrixExport(slug, new URL(request.url).searchParams, "json", publicOrigin(request));
  if (!view) throw unknownNegotiation(slug);
  return new Response(streamText(view.pieces, view.close), { headers: { "Content-Type": "application/json; charset=utf-8" } });
});

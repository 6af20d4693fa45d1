import { jsonError, unknownNegotiationMessage, withJsonErrors } from "@/lib/http";
import { toDivergenceJson, toMetaJson } from "@/lib/json-formats";
import { getDivergenceView } from "@/lib/queries/score-view";
import { publicOrigin } from "@/lib/public-origin";

export const dynamic = "force-dynamic";

/** The divergence metrics (`ZDivergenceJson`) of every row the view selects. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = getDivergenceView(slug, new URL(request.url).searchParams);
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  return Response.json(
    toDivergenceJson(toMetaJson(publicOrigin(request), view.negotiation, view.params, "/charts"), view, view.anchors, view.notices),
  );
});

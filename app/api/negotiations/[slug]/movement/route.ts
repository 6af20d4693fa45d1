import { measureMovement } from "@/lib/analytics";
import { jsonError, unknownNegotiationMessage, withJsonErrors } from "@/lib/http";
import { toMetaJson, type TMovementJson } from "@/lib/json-formats";
import { getScoreView } from "@/lib/queries/score-view";
import { publicOrigin } from "@/lib/public-origin";

export const dynamic = "force-dynamic";

/** How the shown documents moved between the poles (`ZMovementJson`), over every row the view selects. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = getScoreView(slug, new URL(request.url).searchParams);
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  const body: TMovementJson = {
    meta: toMetaJson(publicOrigin(request), view.negotiation, view.params, "/charts"),
    ...measureMovement(view),
    notices: view.notices,
  };
  return Response.json(body);
});

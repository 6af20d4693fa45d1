import { measureMovement } from "@/lib/analysis/analytics";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { toMetaJson, type TMovementJson } from "@/lib/formats/json";
import { getScoreView } from "@/lib/read/score-view";
import { publicOrigin } from "@/lib/params/origin";

export const dynamic = "force-dynamic";

/** How the shown documents moved between the poles (`ZMovementJson`), over every row the view selects. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await getScoreView(slug, new URL(request.url).searchParams);
  if (!view) throw unknownNegotiation(slug);
  const body: TMovementJson = {
    meta: toMetaJson(publicOrigin(request), view.negotiation, view.params, "charts"),
    ...measureMovement(view),
    notices: view.notices,
  };
  return Response.json(body);
});

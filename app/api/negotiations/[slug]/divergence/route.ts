import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { toDivergenceJson, toMetaJson } from "@/lib/formats/json";
import { getDivergenceView } from "@/lib/read/score-view";
import { publicOrigin } from "@/lib/params/origin";

export const dynamic = "force-dynamic";

/** The divergence metrics (`ZDivergenceJson`) of every row the view selects. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await getDivergenceView(slug, new URL(request.url).searchParams);
  if (!view) throw unknownNegotiation(slug);
  return Response.json(
    toDivergenceJson(
      toMetaJson(publicOrigin(request), view.negotiation, view.params, "charts"),
      view,
      view.anchors,
      view.readings,
      view.notices,
    ),
  );
});

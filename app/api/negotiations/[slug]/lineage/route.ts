import { toLineageJson } from "@/lib/formats/lineage";
import { toMetaJson } from "@/lib/formats/json";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { publicOrigin } from "@/lib/params/origin";
import { getLineageView, lineageFilters } from "@/lib/read/lineage-view";

export const dynamic = "force-dynamic";

/** The drafts, their points and the links between them (`ZLineageJson`), filtered by `from`, `to`, `issues` and `asOf`. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const view = await getLineageView(slug, search);
  if (!view) throw unknownNegotiation(slug);
  return Response.json(
    toLineageJson(toMetaJson(publicOrigin(request), view.negotiation, view.params, "drafts", lineageFilters(view, search)), view),
  );
});

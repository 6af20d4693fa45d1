import { toPackageJson } from "@/lib/formats/deal";
import { toMetaJson } from "@/lib/formats/json";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { publicOrigin } from "@/lib/params/origin";
import { getPackageView, packageQuery } from "@/lib/read/deal-view";

export const dynamic = "force-dynamic";

/** A package (`steps=`, `weights=`) scored against every party shown (`ZPackageJson`). */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await getPackageView(slug, new URL(request.url).searchParams);
  if (!view) throw unknownNegotiation(slug);
  return Response.json(
    toPackageJson(toMetaJson(publicOrigin(request), view.negotiation, view.params, "package", packageQuery(view.items)), view),
  );
});

import { describeZones } from "@/lib/analysis/zones";
import { toZonesJson } from "@/lib/formats/deal";
import { toMetaJson } from "@/lib/formats/json";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { publicOrigin } from "@/lib/params/origin";
import { getZonesView } from "@/lib/read/deal-view";

export const dynamic = "force-dynamic";

/** The zones of possible agreement (`ZZonesJson`) for the chosen parties (default: the actors), on the view's day. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await getZonesView(slug, new URL(request.url).searchParams);
  if (!view) throw unknownNegotiation(slug);
  return Response.json(
    toZonesJson(toMetaJson(publicOrigin(request), view.negotiation, view.params, "zones"), view, describeZones(view.zones)),
  );
});

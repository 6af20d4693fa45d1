import { toCsvFilename } from "@/lib/formats/csv";
import { toZonesCsv } from "@/lib/formats/deal";
import { csvResponse } from "@/lib/http/responses";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { getZonesView } from "@/lib/read/deal-view";

export const dynamic = "force-dynamic";

export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await getZonesView(slug, new URL(request.url).searchParams);
  if (!view) throw unknownNegotiation(slug);
  return csvResponse(toZonesCsv(view), toCsvFilename(view.negotiation, "zones", view.params.asOf));
});

import { toCsvFilename } from "@/lib/formats/csv";
import { toLineageCsv } from "@/lib/formats/lineage";
import { csvResponse } from "@/lib/http/responses";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { getLineageView } from "@/lib/read/lineage-view";

export const dynamic = "force-dynamic";

/** One row per link between the drafts asked (`from`, `to`; all when neither is given), as the JSON holds them. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await getLineageView(slug, new URL(request.url).searchParams);
  if (!view) throw unknownNegotiation(slug);
  return csvResponse(toLineageCsv(view), toCsvFilename(view.negotiation, "lineage", view.params.asOf));
});

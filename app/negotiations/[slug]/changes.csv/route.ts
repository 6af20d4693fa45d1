import { toChangesCsv, toCsvFilename } from "@/lib/formats/csv";
import { csvResponse } from "@/lib/http/responses";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { getChangesView } from "@/lib/read/changes-view";

export const dynamic = "force-dynamic";

/** `GET /negotiations/{slug}/changes.csv?from=&to=`: the changes view's cells, long layout plus the change. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await getChangesView(slug, new URL(request.url).searchParams);
  if (!view) throw unknownNegotiation(slug);
  return csvResponse(toChangesCsv(view.changes), toCsvFilename(view.negotiation, `changes_${view.from}_to_${view.to}`));
});

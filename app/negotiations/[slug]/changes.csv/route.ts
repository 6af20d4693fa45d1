import { toChangesCsv, toCsvFilename } from "@/lib/csv";
import { csvResponse, jsonError, unknownNegotiationMessage, withJsonErrors } from "@/lib/http";
import { getChangesView } from "@/lib/queries/changes-view";

export const dynamic = "force-dynamic";

/** `GET /negotiations/{slug}/changes.csv?from=&to=`: the changes view's cells, long layout plus the change. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = getChangesView(slug, new URL(request.url).searchParams);
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  return csvResponse(toChangesCsv(view.changes), toCsvFilename(view.negotiation, `changes_${view.from}_to_${view.to}`));
});

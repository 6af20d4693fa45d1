import { jsonError, unknownNegotiationMessage, withJsonErrors } from "@/lib/http";
import { toAtomFeed } from "@/lib/atom";
import { FEED_ENTRIES, getChangeLog } from "@/lib/queries/change-log";
import { publicOrigin } from "@/lib/public-origin";

export const dynamic = "force-dynamic";

/** The newest changes of a negotiation's log as an Atom feed, for people who watch a dossier. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const log = getChangeLog(slug, {}, FEED_ENTRIES);
  if (!log) return jsonError(404, unknownNegotiationMessage(slug));
  const origin = publicOrigin(request);
  return new Response(toAtomFeed(log, origin), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
});

import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { toAtomFeed } from "@/lib/formats/atom";
import { FEED_ENTRIES, getChangeLog } from "@/lib/read/change-log";
import { publicOrigin } from "@/lib/params/origin";

export const dynamic = "force-dynamic";

/** The newest changes of a negotiation's log as an Atom feed, for people who watch a dossier. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const log = await getChangeLog(slug, {}, FEED_ENTRIES);
  if (!log) throw unknownNegotiation(slug);
  const origin = publicOrigin(request);
  return new Response(toAtomFeed(log, origin), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
});

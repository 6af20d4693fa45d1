import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { toMetaJson, type TChangesJson } from "@/lib/formats/json";
import { getChangesView } from "@/lib/read/changes-view";
import { publicOrigin } from "@/lib/params/origin";

export const dynamic = "force-dynamic";

/** `GET /api/negotiations/{slug}/changes?from=&to=` (`ZChangesJson`): the same cells as the changes page and CSV. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await getChangesView(slug, new URL(request.url).searchParams);
  if (!view) throw unknownNegotiation(slug);
  const body: TChangesJson = {
    meta: toMetaJson(publicOrigin(request), view.negotiation, { ...view.filters, asOf: null }, "changes", {
      from: view.from,
      to: view.to,
    }),
    from: view.from,
    to: view.to,
    total: view.total,
    changes: view.changes.map(({ issue, party, before, after, fields, change }) => ({
      issue: issue.slug,
      party: party.slug,
      before,
      after: {
        score: after.score,
        status: after.status,
        label: after.label,
        asOf: after.asOf,
        summary: after.summary,
        confidence: after.confidence,
        quote: after.quote,
        notes: after.notes,
        recordedAt: after.recordedAt,
        event: after.event,
        sources: after.sources.map(({ title, publisher, url, publishedAt, isDateApproximate, note, kind, relays, kindNote, flags }) => ({
          title,
          publisher,
          url,
          publishedAt,
          isDateApproximate,
          note,
          kind,
          relays,
          kindNote,
          flags,
        })),
      },
      fields,
      change,
    })),
    notices: view.notices,
  };
  return Response.json(body);
});

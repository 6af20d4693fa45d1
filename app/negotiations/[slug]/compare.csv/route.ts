import { toCompareCsv, toCsvFilename } from "@/lib/csv";
import { csvResponse, jsonError, unknownNegotiationMessage, withJsonErrors } from "@/lib/http";
import { getCompareView } from "@/lib/queries/compare-view";

export const dynamic = "force-dynamic";

export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = getCompareView(slug, new URL(request.url).searchParams);
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  if (!view.comparison) return jsonError(400, view.params.problems.join(" "));
  const { a, b } = view.comparison;
  return csvResponse(toCompareCsv(view.comparison), toCsvFilename(view.negotiation, `compare_${a.slug}_${b.slug}`, view.filters.asOf));
});

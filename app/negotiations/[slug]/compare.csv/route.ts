import { toCompareCsv, toCsvFilename } from "@/lib/formats/csv";
import { csvResponse, jsonError, unknownNegotiationMessage } from "@/lib/http/responses";
import { withJsonErrors } from "@/lib/http/errors";
import { getCompareView } from "@/lib/read/compare-view";

export const dynamic = "force-dynamic";

export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await getCompareView(slug, new URL(request.url).searchParams);
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  if (!view.comparison) return jsonError(400, view.params.problems.join(" "));
  const { a, b } = view.comparison;
  return csvResponse(toCompareCsv(view.comparison), toCsvFilename(view.negotiation, `compare_${a.slug}_${b.slug}`, view.filters.asOf));
});

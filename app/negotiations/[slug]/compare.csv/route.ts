import { toCompareCsv, toCsvFilename } from "@/lib/formats/csv";
import { csvResponse } from "@/lib/http/responses";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { getCompareView } from "@/lib/read/compare-view";
import { AppError } from "@/lib/domain/errors";

export const dynamic = "force-dynamic";

export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await getCompareView(slug, new URL(request.url).searchParams);
  if (!view) throw unknownNegotiation(slug);
  if (!view.comparison) throw new AppError("invalid", view.params.problems.join(" "));
  const { a, b } = view.comparison;
  return csvResponse(toCompareCsv(view.comparison), toCsvFilename(view.negotiation, `compare_${a.slug}_${b.slug}`, view.filters.asOf));
});

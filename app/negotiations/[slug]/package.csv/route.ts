import { toCsvFilename } from "@/lib/formats/csv";
import { toPackageCsv } from "@/lib/formats/deal";
import { csvResponse } from "@/lib/http/responses";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { getPackageView } from "@/lib/read/deal-view";

export const dynamic = "force-dynamic";

export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const view = await getPackageView(slug, new URL(request.url).searchParams);
  if (!view) throw unknownNegotiation(slug);
  return csvResponse(toPackageCsv(view), toCsvFilename(view.negotiation, "package", view.params.asOf));
});

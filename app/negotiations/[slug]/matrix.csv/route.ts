import { CSV_LAYOUTS, toCsvFilename, toLongCsv, toWideCsv } from "@/lib/csv";
import { csvResponse, jsonError, unknownNegotiationMessage } from "@/lib/http";
import { getMatrixView } from "@/lib/queries/matrix-view";
import { z } from "zod";

export const dynamic = "force-dynamic";

const ZLayout = z.enum(CSV_LAYOUTS).default("wide");

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const layout = ZLayout.safeParse(search.get("layout") ?? undefined);
  if (!layout.success) return jsonError(400, `Unknown layout; use one of: ${CSV_LAYOUTS.join(", ")}.`);
  const view = await getMatrixView(slug, search);
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  const body = layout.data === "wide" ? toWideCsv(view.matrix) : toLongCsv(view.matrix);
  return csvResponse(body, toCsvFilename(view.matrix, layout.data));
}

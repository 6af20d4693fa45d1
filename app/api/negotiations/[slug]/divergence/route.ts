import { jsonError, unknownNegotiationMessage } from "@/lib/http";
import { measureMatrix } from "@/lib/matrix";
import { getMatrixView } from "@/lib/queries/matrix-view";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await getMatrixView(slug, new URL(request.url).searchParams);
  if (!view) return jsonError(404, unknownNegotiationMessage(slug));
  return Response.json({ ...measureMatrix(view.matrix), notices: view.notices });
}

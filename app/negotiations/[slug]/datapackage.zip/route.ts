import { jsonError, streamText, unknownNegotiationMessage, withJsonErrors } from "@/lib/http";
import { openDataPackage } from "@/lib/queries/data-package";
import { publicOrigin } from "@/lib/public-origin";

export const dynamic = "force-dynamic";

/** `GET /negotiations/{slug}/datapackage.zip`: the view (same filters as the matrix) as a Frictionless Data Package, streamed. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const built = openDataPackage(slug, new URL(request.url).searchParams, publicOrigin(request));
  if (!built) return jsonError(404, unknownNegotiationMessage(slug));
  return new Response(streamText(built.pieces, built.close), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${built.filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
});

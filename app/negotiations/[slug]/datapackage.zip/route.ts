import { jsonError, unknownNegotiationMessage, withJsonErrors } from "@/lib/http";
import { buildDataPackage } from "@/lib/queries/data-package";

export const dynamic = "force-dynamic";

/** `GET /negotiations/{slug}/datapackage.zip`: the view (same filters as the matrix) as a Frictionless Data Package. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const built = buildDataPackage(slug, new URL(request.url).searchParams, request.url);
  if (!built) return jsonError(404, unknownNegotiationMessage(slug));
  return new Response(new Blob([built.zip as Uint8Array<ArrayBuffer>]), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${built.filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
});

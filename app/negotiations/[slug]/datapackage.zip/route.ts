import { streamText } from "@/lib/http/responses";
import { unknownNegotiation, withJsonErrors } from "@/lib/http/errors";
import { openDataPackage } from "@/lib/read/data-package";
import { publicOrigin } from "@/lib/params/origin";

export const dynamic = "force-dynamic";

/** `GET /negotiations/{slug}/datapackage.zip`: the view (same filters as the matrix) as a Frictionless Data Package, streamed. */
export const GET = withJsonErrors(async (request, { params }) => {
  const { slug } = await params;
  const built = await openDataPackage(slug, new URL(request.url).searchParams, publicOrigin(request));
  if (!built) throw unknownNegotiation(slug);
  return new Response(streamText(built.pieces, built.close), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${built.filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
});

/** A JSON error response with a plain message, never a stack trace. */
export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

/** A CSV download. `filename` must be built from slugs and dates only (they need no escaping). */
export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The message for a negotiation slug that matches nothing. */
export function unknownNegotiationMessage(slug: string): string {
  return `No negotiation is called “${slug.slice(0, 80)}”.`;
}

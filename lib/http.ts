/** A JSON error response with a plain message, never a stack trace. */
export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

/** The message for a negotiation slug that matches nothing. */
export function unknownNegotiationMessage(slug: string): string {
  return `No negotiation is called “${slug.slice(0, 80)}”.`;
}

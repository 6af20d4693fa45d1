import "server-only";

/** A JSON error response with a plain message, never a stack trace. */
export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * A body streamed from pieces of text (or bytes), pulled one at a time as the client reads (backpressure),
 * so a large export never sits whole in memory. `close` runs when the client goes away early.
 */
export function streamText(pieces: Iterator<string | Uint8Array>, close: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      try {
        const next = pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
      } catch (error) {
        close();
        controller.error(error);
      }
    },
    cancel() {
      pieces.return?.();
      close();
    },
  });
}

/** A CSV download. `filename` must be built from slugs and dates only (they need no escaping). */
export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

type TRouteContext<P> = { params: Promise<P> };

/**
 * A route handler whose unexpected failures answer 500 with JSON `{ error }` and one line in the
 * log, instead of an empty body. (A failure after a streamed body has begun can only cut it short.)
 */
export function withJsonErrors<P = { slug: string }>(handler: (request: Request, context: TRouteContext<P>) => Promise<Response>) {
  return async (request: Request, context: TRouteContext<P>): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      console.error(`${request.method} ${new URL(request.url).pathname} failed: ${(error as Error).message}`);
      return jsonError(500, "Something went wrong on our side while reading the data; nothing in the request caused it.");
    }
  };
}

/** The message for a negotiation slug that matches nothing. */
export function unknownNegotiationMessage(slug: string): string {
  return `No negotiation is called “${slug.slice(0, 80)}”.`;
}

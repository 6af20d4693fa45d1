import "server-only";

/** A JSON error response with a plain message, never a stack trace. */
export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * A body streamed from pieces of text (or bytes), pulled one at a time as the client reads (backpressure),
 * so a large export never sits whole in memory. `close` runs when the client goes away early.
 */
export function streamText(
  pieces: AsyncIterator<string | Uint8Array> | Iterator<string | Uint8Array>,
  close: () => void | Promise<void>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = await pieces.next();
        if (next.done) {
          await close();
          controller.close();
        } else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    async cancel() {
      await pieces.return?.();
      await close();
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

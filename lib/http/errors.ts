import "server-only";
import { AppError, isAppError, type TErrorCode } from "../domain/errors";
import { jsonError } from "./responses";

// The one mapping of the app's errors to HTTP: every route answers an AppError with its code's
// status and a plain JSON body `{ error, problems? }`; anything else is a 500 with one line in the
// log and no stack trace in the answer.

export const HTTP_STATUS: Record<TErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  exists: 409,
  stale: 412,
  too_large: 413,
  unsupported_media: 415,
  precondition_required: 428,
};

/** The JSON answer for an AppError, with extra fields and headers where a route has more to say (a 412's current state). */
export function errorResponse(error: AppError, more: { body?: Record<string, unknown>; headers?: Record<string, string> } = {}): Response {
  return Response.json(
    { error: error.message, ...(error.problems.length > 0 ? { problems: error.problems } : {}), ...more.body },
    { status: HTTP_STATUS[error.code], headers: { "Cache-Control": "no-store", ...more.headers } },
  );
}

type TRouteContext<P> = { params: Promise<P> };

/**
 * A route handler whose AppErrors answer with their status, and whose unexpected failures answer
 * 500 with JSON `{ error }` and one line in the log, instead of an empty body. (A failure after a
 * streamed body has begun can only cut it short.)
 */
export function withJsonErrors<P = { slug: string }>(handler: (request: Request, context: TRouteContext<P>) => Promise<Response>) {
  return async (request: Request, context: TRouteContext<P>): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (isAppError(error)) return errorResponse(error);
      console.error(`${request.method} ${new URL(request.url).pathname} failed: ${(error as Error).message}`);
      return jsonError(500, "Something went wrong on our side while reading the data; nothing in the request caused it.");
    }
  };
}

/** A negotiation slug that matches nothing (`not_found`). */
export function unknownNegotiation(slug: string): AppError {
  return new AppError("not_found", `No negotiation is called “${slug.slice(0, 80)}”.`);
}

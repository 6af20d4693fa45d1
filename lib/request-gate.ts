/** Methods the app answers; anything else is refused before it reaches the router. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

/** The one address that also takes PUT: a cell of the write API. */
const WRITE_API_CELL = /^\/api\/negotiations\/[^/?#]+\/issues\/[^/?#]+\/parties\/[^/?#]+(\?|$)/;

export type TRefusal = { status: 400 | 403 | 405; message: string; allow?: string };

/**
 * Whether a request may go on to the app, or the plain refusal it gets instead: 405 for a method
 * the app does not answer (TRACE, PUT, ...), 400 for a target that is not a path (`*`, an absolute
 * URL) or whose percent-encoding is malformed, 403 for a mutation sent from another site's page
 * (its Origin is not this host: cross-site request forgery). A mutation without Origin comes from
 * a script, not a browser; it carries an API token or nothing, never a cookie the browser added.
 */
export function checkRequest(method: string, target: string, headers: { origin?: string; host?: string } = {}): TRefusal | null {
  const allowed: readonly string[] = WRITE_API_CELL.test(target) ? [...ALLOWED_METHODS, "PUT"] : ALLOWED_METHODS;
  if (!allowed.includes(method)) {
    return { status: 405, message: `The method ${method.slice(0, 20)} is not allowed here.`, allow: allowed.join(", ") };
  }
  if (!target.startsWith("/")) return { status: 400, message: "The request target must be a path." };
  try {
    decodeURIComponent(target.split("?")[0] ?? "");
  } catch {
    return { status: 400, message: "The address is not validly percent-encoded." };
  }
  if (method !== "GET" && method !== "HEAD" && headers.origin !== undefined && !isOriginOf(headers.origin, headers.host)) {
    return { status: 403, message: "A change must be sent from this site's own pages." };
  }
  return null;
}

/** Whether an Origin header names this host (the request's Host), the test of a same-site request. */
export function isOriginOf(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

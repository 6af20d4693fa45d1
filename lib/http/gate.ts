import { isAllowedHost, isOriginOf } from "../params/origin";
import { matchRoute } from "../params/urls";

/** Methods the app answers; anything else is refused before it reaches the router. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

/** The most a request body may hold, by address: Better Auth's routes a few KB, imports their file, anything else 256 KB. */
export const BODY_LIMITS = { auth: 8 * 1024, import: 2 * 1024 * 1024 + 64 * 1024, other: 256 * 1024 } as const;

/** The body limit of a path (already normalised). */
export function bodyLimitOf(pathname: string): number {
  const route = matchRoute(pathname)?.route;
  return route === "auth" ? BODY_LIMITS.auth : route === "import" ? BODY_LIMITS.import : BODY_LIMITS.other;
}

/** The methods an address takes: the app's routes (lib/http/urls.ts) take GET, HEAD and POST, a cell of the write API also PUT. */
export function methodsOf(pathname: string): readonly string[] {
  return matchRoute(pathname)?.route === "apiCell" ? [...ALLOWED_METHODS, "PUT"] : ALLOWED_METHODS;
}

export type TRefusal = { status: 400 | 403 | 405 | 411 | 413; message: string; allow?: string };

/** A request's headers by lower-case name, as Node gives them. */
export type TGateHeaders = Record<string, string | string[] | undefined>;

/** One header's value (the first, if sent twice). */
const one = (headers: TGateHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** A session cookie of Better Auth (`better-auth.session_token`, or `__Secure-` before it). */
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?better-auth\.session_token=/;

/**
 * Whether a request may go on to the app, or the plain refusal it gets instead:
 * - 405 for a method the app does not answer (TRACE, PUT, ...);
 * - 400 for a target that is not a path (`*`, an absolute URL), malformed percent-encoding, or a
 *   Host the site does not answer (see lib/public-origin.ts);
 * - 403 for a mutation sent from another site's page (its Origin is not this host: cross-site
 *   request forgery), or one that carries a session cookie but neither Origin nor
 *   `Sec-Fetch-Site: same-origin` (a browser sends one of them with every mutation of its own);
 * - 411 for a mutation whose body has no declared length, 413 for one over its address's limit,
 *   answered before a byte of the body is read.
 * A mutation without a cookie or Origin comes from a script; it carries an API token or nothing.
 */
export function checkRequest(method: string, target: string, headers: TGateHeaders, allowed?: readonly string[]): TRefusal | null {
  const methods = methodsOf(target.split("?")[0]!);
  if (!methods.includes(method)) {
    return { status: 405, message: `The method ${method.slice(0, 20)} is not allowed here.`, allow: methods.join(", ") };
  }
  if (!target.startsWith("/")) return { status: 400, message: "The request target must be a path." };
  try {
    decodeURIComponent(target.split("?")[0] ?? "");
  } catch {
    return { status: 400, message: "The address is not validly percent-encoded." };
  }
  const [host, origin] = [one(headers, "host"), one(headers, "origin")];
  if (!isAllowedHost(host, allowed)) return { status: 400, message: "This server does not answer for that host name." };
  if (method === "GET" || method === "HEAD") return null;
  if (origin !== undefined && !isOriginOf(origin, host)) {
    return { status: 403, message: "A change must be sent from this site's own pages." };
  }
  if (origin === undefined && one(headers, "sec-fetch-site") !== "same-origin" && SESSION_COOKIE.test(one(headers, "cookie") ?? "")) {
    return { status: 403, message: "A change made with a session cookie must say which page sent it (Origin)." };
  }
  return checkBodySize(normalizePathname(target), headers);
}

function checkBodySize(pathname: string, headers: TGateHeaders): TRefusal | null {
  const length = one(headers, "content-length");
  if (length === undefined) {
    return one(headers, "transfer-encoding") === undefined ? null : { status: 411, message: "Send the body with a Content-Length." };
  }
  const limit = bodyLimitOf(pathname);
  if (!/^\d+$/.test(length)) return { status: 400, message: "The Content-Length is not a number." };
  if (Number(length) > limit) return { status: 413, message: `The body is larger than ${Math.floor(limit / 1024)} KB.` };
  return null;
}

/** A request target's path as the router resolves it: dot segments removed (`/embed/../admin` is `/admin`). */
export function normalizePathname(target: string): string {
  try {
    return new URL(target, "http://localhost").pathname;
  } catch {
    return "/";
  }
}

/**
 * The one encoding a response may use for a request: `gzip` when the client accepts it (any case,
 * a quality above 0), otherwise `identity`. Set on the request before the cache and Next see it, so
 * no client can have a `deflate` or `GZIP` answer stored where plain clients read.
 */
export function normalizeAcceptEncoding(header: string | undefined): "gzip" | "identity" {
  for (const part of (header ?? "").split(",")) {
    const [name = "", ...parameters] = part.trim().toLowerCase().split(";");
    const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if ((name.trim() === "gzip" || name.trim() === "x-gzip") && (q === undefined || Number(q) > 0)) return "gzip";
  }
  return "identity";
}

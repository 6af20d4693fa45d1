import "server-only";
import { AppError } from "../domain/errors";
import { isOriginOf } from "../params/origin";
import type { TAccount } from "./account";
import { accountOfToken } from "./tokens";
import { accountOfRequest } from "./viewer";

/**
 * Whether a request that carries cookies comes from this site's own pages: a browser always sends
 * Origin with a PUT or a POST from a page, so a missing or foreign one is refused (CSRF).
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  return origin !== null && isOriginOf(origin, request.headers.get("host") ?? undefined);
}

/**
 * Who a write API request acts for: a personal API token (`Authorization: Bearer …`), or else a
 * session cookie from this site's own pages; null for neither. A bad token is `unauthenticated`,
 * a cookie from another site `forbidden`.
 */
export async function authenticate(request: Request): Promise<TAccount | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const account = match ? await accountOfToken(match[1]!) : null;
    if (!account) throw new AppError("unauthenticated", "The API token is unknown, expired or revoked.");
    return account;
  }
  if (!request.headers.get("cookie")) return null;
  if (!isSameOrigin(request)) throw new AppError("forbidden", "A request with a session cookie must come from this site's own pages.");
  return accountOfRequest(request.headers);
}

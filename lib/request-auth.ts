import "server-only";
import { accountOfToken, type TAccount } from "./queries/accounts";
import { isOriginOf } from "./request-gate";
import { accountOfRequest } from "./viewer";

/**
 * Whether a request that carries cookies comes from this site's own pages: a browser always sends
 * Origin with a PUT or a POST from a page, so a missing or foreign one is refused (CSRF).
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  return origin !== null && isOriginOf(origin, request.headers.get("host") ?? undefined);
}

export type TAuthentication = { account: TAccount | null; refusal: { status: 401 | 403; message: string } | null };

/**
 * Who a write API request acts for: a personal API token (`Authorization: Bearer …`), or else a
 * session cookie from this site's own pages.
 */
export async function authenticate(request: Request): Promise<TAuthentication> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const account = match ? accountOfToken(match[1]!) : null;
    return { account, refusal: account ? null : { status: 401, message: "The API token is unknown or revoked." } };
  }
  if (!request.headers.get("cookie")) return { account: null, refusal: null };
  if (!isSameOrigin(request))
    return { account: null, refusal: { status: 403, message: "A request with a session cookie must come from this site's own pages." } };
  return { account: await accountOfRequest(request.headers), refusal: null };
}

// Where a page may send a user after signing in: only a page of this site. The `next` parameter is
// parsed as the browser will parse it (a URL resolved against this site), so tabs, line breaks and
// backslashes that browsers strip or turn into slashes cannot make it another site's address.

const SITE = "http://site.invalid";

/** Whether `next` resolves to a page of this site (its origin is the site's own). */
export function isSafeNext(next: unknown): next is string {
  if (typeof next !== "string" || !next.startsWith("/")) return false;
  try {
    return new URL(next, SITE).origin === SITE;
  } catch {
    return false;
  }
}

/** The page to go on to after signing in: `next` as the site's own path, or the home page. */
export function toSafeNext(next: unknown): string {
  if (!isSafeNext(next)) return "/";
  const url = new URL(next, SITE);
  return `${url.pathname}${url.search}${url.hash}`;
}

// The site's own address, for absolute links (permalinks in JSON, the Atom feed, the data package)
// and for the hosts the server answers. A deployment names it (PUBLIC_ORIGIN, or BETTER_AUTH_URL,
// which Better Auth needs anyway); on one machine the loopback names are always allowed. Links are
// never built from the address the server is bound to, nor from headers a client or proxy sends
// (X-Forwarded-Proto, X-Forwarded-Host), so one request cannot change them for everyone.

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/** The configured public origin (`https://dash.example.org`), or null when none is configured. */
export function configuredOrigin(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env.PUBLIC_ORIGIN?.trim() || env.BETTER_AUTH_URL?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** The hosts (with port) besides loopback that the server answers: the public origin's and ALLOWED_HOSTS (comma-separated). */
export function allowedHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  const origin = configuredOrigin(env);
  const extra = (env.ALLOWED_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return [...(origin ? [new URL(origin).host] : []), ...extra];
}

/** Whether a Host header names this site: a loopback name (any port), or one of `allowedHosts`. */
export function isAllowedHost(host: string | undefined, allowed: readonly string[] = allowedHosts()): boolean {
  if (!host) return false;
  return LOOPBACK.test(host) || allowed.includes(host.toLowerCase());
}

/**
 * The origin absolute links are built on: the configured public origin, or else the request's own
 * Host when it is one the server answers (the gate has refused any other), over plain HTTP; a
 * request without a Host header (a test calling a route handler) falls back to its URL's origin.
 */
export function publicOrigin(request: Request, env: NodeJS.ProcessEnv = process.env): string {
  const configured = configuredOrigin(env);
  if (configured) return configured;
  const host = request.headers.get("host") ?? undefined;
  if (host && isAllowedHost(host, allowedHosts(env))) return `http://${host}`;
  return new URL(request.url).origin;
}

/** Whether an Origin header names this host (the request's Host), the test of a same-site request. */
export function isOriginOf(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

// The production server: Next's request handler behind a thin gate. `next start` cannot turn away
// requests its router fails on (a TRACE through the proxy, a malformed percent-encoding, the
// asterisk form `OPTIONS *`, CONNECT): each of those answered 500 with a stack trace in the log.
// Here they get a plain 400 or 405, the security headers, and one line in the log.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import type { TLSSocket } from "node:tls";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/constants";
import { allowedHosts } from "@/lib/params/origin";
import { checkRequest, normalizeAcceptEncoding, normalizePathname } from "@/lib/http/gate";
import { ResponseCache } from "@/lib/http/response-cache";
import { newNonce, securityHeaders } from "@/lib/http/security-headers";
import { openServerReader } from "@/lib/http/server-reader";
import { currentBuild, distDirOf, markServing } from "@/scripts/builds";
import { ROOT } from "@/scripts/paths";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";

// Serve the newest complete build, and keep serving it while later builds come and go.
const build = currentBuild();
if (!build) {
  console.error("There is no production build yet: run `npm run build`, or `npm start`, which builds when needed.");
  process.exit(1);
}
markServing(build);
// As `next start` does: a production server runs with NODE_ENV=production, set before Next loads.
// Next's configuration is read from the build (as its standalone server does), not from next.config.js.
const serverFiles = JSON.parse(readFileSync(path.join(ROOT, distDirOf(build), "required-server-files.json"), "utf8")) as {
  config: unknown;
};
Object.assign(process.env, {
  NODE_ENV: process.env.NODE_ENV ?? "production",
  NEXT_DIST_DIR: distDirOf(build),
  __NEXT_PRIVATE_STANDALONE_CONFIG: JSON.stringify(serverFiles.config),
});
const { default: next } = await import("next");

const app = next({ dev: false, dir: ROOT, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

function refuse(response: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}) {
  response.writeHead(status, {
    ...extra,
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    // The body of a refused request is never read: the connection closes instead of draining it.
    Connection: "close",
  });
  response.end(JSON.stringify({ error: message }));
}

// RESPONSE_CACHE=off renders every request (the benchmark measures both).
const reader = openServerReader();
const cache = process.env.RESPONSE_CACHE === "off" ? null : new ResponseCache({ version: reader.version });

/**
 * Whether a page names a negotiation, issue or party that does not exist. Next 16 answers
 * `notFound()` during a dynamic render with an empty HTML shell (the 404 content arrives only in
 * the client's payload), so such a request gets the not-found page rendered whole here, readable
 * without JavaScript.
 */
async function isUnknownPage(request: http.IncomingMessage): Promise<boolean> {
  if (request.headers.rsc !== undefined) return false; // a client-side navigation gets Next's own answer
  return (await reader.pageExists(request.url ?? "")) === false;
}

/**
 * Sets the security headers on a response, with a fresh nonce that Next puts on its scripts (it
 * reads it from the request's Content-Security-Policy header), and replaces any client-sent
 * address header with the connection's own address, which Better Auth's sign-in rate limit keys on.
 */
function harden(request: http.IncomingMessage, response: http.ServerResponse): void {
  const https = (request.socket as TLSSocket).encrypted === true || request.headers["x-forwarded-proto"] === "https";
  // Framing is decided on the path the router will resolve (`/embed/../admin/users` is `/admin/users`).
  const headers = securityHeaders({ nonce: newNonce(), pathname: normalizePathname(request.url ?? "/"), https });
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  request.headers["content-security-policy"] = headers["Content-Security-Policy"];
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
  request.headers["accept-encoding"] = normalizeAcceptEncoding(request.headers["accept-encoding"]);
}

const hosts = allowedHosts();

const server = http.createServer(async (request, response) => {
  harden(request, response);
  const refusal = checkRequest(request.method ?? "", request.url ?? "", request.headers, hosts);
  if (refusal) {
    console.warn(
      `${refusal.status} ${JSON.stringify(request.method)} ${JSON.stringify((request.url ?? "").slice(0, 200))}: ${refusal.message}`,
    );
    return refuse(response, refusal.status, refusal.message, refusal.allow ? { Allow: refusal.allow } : {});
  }
  // After a change through this instance, the next request reads the data version again at once.
  if (request.method !== "GET" && request.method !== "HEAD") response.on("finish", reader.forget);
  try {
    if (await isUnknownPage(request)) return void (await app.render404(request, response));
    const render = () => void handle(request, response);
    if (cache) await cache.handle(request, response, render);
    else render();
  } catch (error) {
    console.error(`${request.method} ${JSON.stringify((request.url ?? "").slice(0, 200))} failed: ${(error as Error).message}`);
    if (!response.headersSent) refuse(response, 500, "Something went wrong on our side; nothing in the request caused it.");
  }
});
// CONNECT never reaches the request handler: answer it on the socket.
server.on("connect", (request, socket) => {
  console.warn(`405 "CONNECT" ${JSON.stringify((request.url ?? "").slice(0, 200))}`);
  socket.end("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
});
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `Port ${port} is already in use, perhaps by another server of this app: stop it, or choose another port with PORT=… or -p ….`
      : `The server could not listen on ${hostname}:${port}: ${error.message}`,
  );
  process.exit(1);
});
server.listen(port, hostname, () => console.log(`Serving on http://${hostname}:${port}`));
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.on(signal, () => server.close(() => void reader.close().finally(() => process.exit(0))));

// A cache of whole responses in front of Next's handler (used by scripts/server.ts). Every page and
// route of this app is a function of its URL, a few request headers and the database; so a GET
// answered 200 is kept under its URL, those headers and the database's version, and served from
// memory until a write changes the version. Rendering and compression then happen once per version
// rather than once per request. Bounded in bytes (least recently used out first).
//
// An HTML page carries its response's script nonce (see lib/security-headers.ts). Replaying a stored
// page with its old nonce would let one nonce serve everyone, so a page is kept uncompressed with
// the nonce it was rendered with, split at that nonce, and each hit gets the request's own nonce
// written in its place (lib/stamped-page.ts), compressed as the original was, instead of a render.
import type http from "node:http";
import { gunzipSync } from "node:zlib";
import { normalizeAcceptEncoding } from "./gate";
import { stamp, stampable, stampGzip, type TStampedPage } from "./stamped-page";

/**
 * Request headers a response may depend on: Next's router headers (its `Vary`) and the Host (links
 * are built on it when no public origin is configured; the gate answers only the site's own hosts).
 * The encoding is the other part of the key: the server has reduced it to `gzip` or `identity`.
 */
const KEY_HEADERS = ["host", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"] as const;

/**
 * Headers the server sets on each response itself (lib/security-headers.ts: a nonce per request,
 * HSTS only over HTTPS), never replayed from a stored response.
 */
const PER_RESPONSE_HEADERS = [
  "content-security-policy",
  "strict-transport-security",
  "x-frame-options",
  "x-content-type-options",
  "referrer-policy",
  "permissions-policy",
  "cross-origin-opener-policy",
  "content-length",
];

type TEntry = {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
  /** The bytes the entry holds, for the cache's budget. */
  size: number;
  version: string;
  /** A page with a script nonce, kept in pieces to take each request's own; null for a response without one. */
  page: TStampedPage | null;
  /** Whether the response was gzip-compressed (and each copy of a page is too). */
  gzip: boolean;
};

/** The script nonce of a Content-Security-Policy header, if any. */
export function nonceOf(policy: unknown): string | null {
  return typeof policy === "string" ? (/'nonce-([^']+)'/.exec(policy)?.[1] ?? null) : null;
}

export type TResponseCacheOptions = {
  /** The data's version now, or null when it cannot be told (then nothing is cached or served). */
  version: () => Promise<string | null>;
  maxBytes?: number;
  maxEntryBytes?: number;
};

export type TCacheOutcome = "hit" | "miss" | "bypass";

export class ResponseCache {
  readonly #entries = new Map<string, TEntry>();
  #bytes = 0;
  readonly #version: () => Promise<string | null>;
  readonly #maxBytes: number;
  readonly #maxEntryBytes: number;

  constructor({ version, maxBytes = 64 << 20, maxEntryBytes = 2 << 20 }: TResponseCacheOptions) {
    this.#version = version;
    this.#maxBytes = maxBytes;
    this.#maxEntryBytes = maxEntryBytes;
  }

  /** Answers from the cache, or lets `next` answer and keeps its response when it may be reused. */
  async handle(request: http.IncomingMessage, response: http.ServerResponse, next: () => void): Promise<TCacheOutcome> {
    const version = isCacheable(request) ? await this.#version() : null;
    if (version === null) {
      next();
      return "bypass";
    }
    const key = cacheKey(request);
    const entry = this.#entries.get(key);
    const nonce = nonceOf(response.getHeader("content-security-policy"));
    if (entry && entry.version === version && (entry.page === null || nonce !== null)) {
      this.#entries.delete(key); // most recently used last
      this.#entries.set(key, entry);
      const body = entry.page === null ? entry.body : entry.gzip ? stampGzip(entry.page, nonce!) : stamp(entry.page, nonce!);
      response.writeHead(entry.status, { ...entry.headers, "content-length": body.length });
      response.end(body);
      return "hit";
    }
    capture(response, this.#maxEntryBytes, (body) => {
      const headers = response.getHeaders();
      if (body === null || response.statusCode !== 200 || headers["set-cookie"] !== undefined) return;
      // Kept only when every client of its key can read it: plain bytes, or gzip under the gzip key;
      // a response compressed any other way is never stored.
      const encoding = String(headers["content-encoding"] ?? "identity").toLowerCase();
      if (encoding !== "identity" && encoding !== encodingOf(request)) return;
      for (const name of PER_RESPONSE_HEADERS) delete headers[name];
      const html = String(headers["content-type"] ?? "").startsWith("text/html");
      const gzip = encoding === "gzip";
      if (html && nonce !== null) {
        const page = stampable(gzip ? gunzipSync(body) : body, nonce);
        const size =
          page.pieces.reduce((sum, piece) => sum + piece.length, 0) + page.deflated.reduce((sum, piece) => sum + piece.length, 0);
        this.#store(key, { status: response.statusCode, headers, body: Buffer.alloc(0), size, version, page, gzip });
      } else if (!html) {
        this.#store(key, { status: response.statusCode, headers, body, size: body.length, version, page: null, gzip });
      }
    });
    next();
    return "miss";
  }

  #store(key: string, entry: TEntry): void {
    const old = this.#entries.get(key);
    if (old) this.#bytes -= old.size;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#bytes += entry.size;
    for (const [oldest, { size }] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= size;
    }
  }
}

/** GET requests without cookies, credentials, conditions or ranges: the same for every reader. */
function isCacheable(request: http.IncomingMessage): boolean {
  const h = request.headers;
  return (
    request.method === "GET" &&
    !h.cookie &&
    !h.authorization &&
    !h.range &&
    !h["if-none-match"] &&
    !h["if-modified-since"] &&
    !h["next-action"] &&
    !request.url?.startsWith("/_next/") // static files: Next serves them from disk with their own caching
  );
}

/** The encoding a request's entry holds: `gzip` when the client accepts it, else `identity` (as the server normalises the header). */
function encodingOf(request: http.IncomingMessage): "gzip" | "identity" {
  return normalizeAcceptEncoding(request.headers["accept-encoding"]);
}

function cacheKey(request: http.IncomingMessage): string {
  return JSON.stringify([request.url, encodingOf(request), ...KEY_HEADERS.map((name) => request.headers[name] ?? null)]);
}

type TWrite = (chunk: unknown, ...rest: unknown[]) => boolean;
type TEnd = (chunk?: unknown, ...rest: unknown[]) => http.ServerResponse;

/** Copies the bytes a response sends; calls `done` with them when it finishes, or null past `limit`. */
function capture(response: http.ServerResponse, limit: number, done: (body: Buffer | null) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const bytes =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    size += bytes.length;
    if (size > limit) {
      overflow = true;
      chunks.length = 0;
    } else chunks.push(bytes);
  };
  const write = response.write.bind(response) as TWrite;
  const end = response.end.bind(response) as TEnd;
  (response.write as TWrite) = (chunk, ...rest) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  };
  (response.end as TEnd) = (chunk, ...rest) => {
    keep(chunk, rest[0]);
    return end(chunk, ...rest);
  };
  // "finish" comes only when the whole response was handed over, never for one the client abandoned.
  response.on("finish", () => done(overflow ? null : Buffer.concat(chunks)));
}

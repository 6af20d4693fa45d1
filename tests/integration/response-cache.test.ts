// The response cache in front of the app (lib/http/response-cache.ts), over real HTTP, and the data
// version that invalidates it (lib/db/data-version.ts) on the test database.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type net from "node:net";
import { deflateSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { openServerReader } from "@/lib/http/server-reader";
import { ResponseCache } from "@/lib/http/response-cache";
import { createNegotiation } from "@/lib/write/structure";

let version = "v1";
let renders = 0;
let cache: ResponseCache;

/**
 * The app stand-in: counts renders; `/big…` is 3 KB, `/huge` 5 KB, `/missing` a 404, `/session` sets
 * a cookie; `/html` is a page with its response's nonce on its script (as the production server and
 * Next make it), gzip-compressed when the client accepts it.
 */
const server = http.createServer(async (request, response) => {
  const nonce = randomBytes(16).toString("base64");
  response.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}'`);
  await cache.handle(request, response, () => {
    renders++;
    if (request.url === "/missing") return void response.writeHead(404).end("no");
    if (request.url === "/session") response.setHeader("Set-Cookie", "a=b");
    if (request.url === "/hsts") response.setHeader("Strict-Transport-Security", "max-age=1");
    if (request.url === "/deflate" && /deflate/i.test(String(request.headers["accept-encoding"]))) {
      // A handler that compresses however the client asks, as an unnormalised header would let Next.
      response.writeHead(200, { "Content-Type": "text/csv", "Content-Encoding": "deflate" });
      return void response.end(deflateSync(Buffer.from(`a,b\r\n${renders}`)));
    }
    if (request.url === "/html") {
      const page = Buffer.from(`<p>render ${renders}</p><script nonce="${nonce}">self.x=["${nonce}"]</script>`);
      const gzip = /gzip/.test(String(request.headers["accept-encoding"]));
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...(gzip ? { "Content-Encoding": "gzip" } : {}) });
      return void response.end(gzip ? gzipSync(page) : page);
    }
    response.setHeader("Content-Type", "text/plain");
    const size = request.url === "/huge" ? 5000 : request.url?.startsWith("/big") ? 3000 : 0;
    response.write(size > 0 ? "x".repeat(size) : `page ${request.url} ${request.headers.rsc ?? ""} `);
    response.end(`render ${renders}`);
  });
});
const base = await new Promise<string>((resolve) =>
  server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}`)),
);
afterAll(() => server.close());
beforeEach(() => {
  cache = new ResponseCache({ version: async () => version, maxBytes: 5000, maxEntryBytes: 4000 });
  renders = 0;
  version = "v1";
});

/** A GET over plain node:http (fetch would decode a compressed body), with the response's headers and body as text. */
async function getRaw(url: string, headers: Record<string, string>) {
  const response = await new Promise<http.IncomingMessage>((resolve) => http.get(`${base}${url}`, { headers }, resolve));
  let body = "";
  for await (const chunk of response) body += String(chunk);
  return { headers: response.headers, body };
}

async function get(url: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${url}`, init);
  return { status: response.status, body: await response.text(), length: response.headers.get("content-length") };
}

describe("ResponseCache", () => {
  test("a repeated GET is answered from memory with the same bytes until the version changes", async () => {
    const first = await get("/page");
    const second = await get("/page");
    expect(renders).toBe(1);
    expect(second.body).toBe(first.body);
    expect(second.length).toBe(String(Buffer.byteLength(first.body)));
    version = "v2";
    expect((await get("/page")).body).toBe("page /page  render 2");
    expect(renders).toBe(2);
  });

  test("the URL and Next's router headers are part of the key", async () => {
    await get("/page");
    await get("/page?x=1");
    await get("/page", { headers: { rsc: "1" } });
    await get("/page", { headers: { rsc: "1" } });
    expect(renders).toBe(3);
  });

  test.each([
    ["a 404", "/missing", {}],
    ["a response setting a cookie", "/session", {}],
    ["a request with a cookie", "/page", { headers: { cookie: "s=1" } }],
    ["a conditional request", "/page", { headers: { "if-none-match": '"x"' } }],
    ["a POST", "/page", { method: "POST" }],
    ["a body over the entry limit", "/huge", {}],
  ] as const)("%s is rendered every time", async (_, url, init) => {
    await get(url, init);
    await get(url, init);
    expect(renders).toBe(2);
  });

  test("past its byte budget the least recently used entry goes first", async () => {
    // maxBytes 5000: "/big" (3000 B) and two small pages fit; a second big page pushes out the oldest.
    cache = new ResponseCache({ version: async () => version, maxBytes: 5000, maxEntryBytes: 4000 });
    await get("/small-a");
    await get("/big");
    await get("/small-a"); // now more recent than /big
    await get("/big?2");
    expect(renders).toBe(3);
    await get("/small-a");
    expect(renders).toBe(3);
    await get("/big");
    expect(renders).toBe(4);
  });

  test("a page served from memory carries the request's own nonce, never the one it was rendered with", async () => {
    const pages = [];
    for (const [index, encoding] of ["identity", "gzip", "gzip", "identity"].entries()) {
      const response = await new Promise<http.IncomingMessage>((resolve) =>
        http.get(`${base}/html`, { headers: { "accept-encoding": encoding } }, resolve),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks);
      if (index >= 2) expect(response.headers["content-length"]).toBe(String(raw.length)); // from memory
      const body = (response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString();
      const nonce = /'nonce-([^']+)'/.exec(String(response.headers["content-security-policy"]))![1]!;
      expect(body).toBe(`<p>render ${body.match(/render (\d)/)![1]}</p><script nonce="${nonce}">self.x=["${nonce}"]</script>`);
      pages.push({ nonce, body });
    }
    expect(renders).toBe(2); // one render per encoding; the rest from memory
    expect(new Set(pages.map((p) => p.nonce)).size).toBe(4);
  });

  test.each(["deflate", "DEFLATE", "x-DEFLATE"])(
    "a client asking for %s cannot leave compressed bytes where plain clients read",
    async (encoding) => {
      const poisoned = await getRaw("/deflate", { "accept-encoding": encoding });
      expect(poisoned.headers["content-encoding"]).toBe("deflate"); // it got what it asked for...
      const plain = await getRaw("/deflate", { "accept-encoding": "identity" });
      expect(plain.headers["content-encoding"]).toBeUndefined(); // ...which was never stored for others
      expect(plain.body).toBe("page /deflate  render 2");
    },
  );

  test("the headers the server sets per response (HSTS, the policy) are never replayed from memory", async () => {
    await get("/hsts");
    const again = await fetch(`${base}/hsts`);
    expect(renders).toBe(1);
    expect(again.headers.get("strict-transport-security")).toBeNull();
  });

  test("the Host is part of the key (links are built on it when no public origin is configured)", async () => {
    for (const host of ["localhost:1", "127.0.0.1:1", "localhost:1"]) await getRaw("/page", { host });
    expect(renders).toBe(2);
  });

  test("with no version (the database cannot be told) nothing is cached", async () => {
    cache = new ResponseCache({ version: async () => null });
    await get("/page");
    await get("/page");
    expect(renders).toBe(2);
  });
});

describe("openServerReader", () => {
  test("its version moves on with every write, from any connection; it knows which pages name what exists", async () => {
    const reader = openServerReader();
    try {
      const before = await reader.version();
      expect(before).toMatch(/^\d+:\d{4}-\d{2}-\d{2}$/);
      expect(await reader.version()).toBe(before);
      // A write through the app's own connection (another connection than the reader's).
      await createNegotiation({ fields: { slug: "talks", title: "Talks", summary: "s", scaleNote: "n" }, userId: null });
      reader.forget();
      expect(await reader.version()).not.toBe(before);
      expect(await reader.pageExists("/negotiations/talks?x=1")).toBe(true);
      expect(await reader.pageExists("/negotiations/ukraine-peace-2025/issues/nato/parties/russia")).toBe(true);
      expect(await reader.pageExists("/negotiations/ukraine-peace-2025/parties/russia")).toBe(true);
      expect(await reader.pageExists("/negotiations/ukraine-peace-2025/issues/army/parties/russia")).toBe(false);
      expect(await reader.pageExists("/negotiations/ukraine-peace-2025/issues/nato/parties/nobody")).toBe(false);
      expect(await reader.pageExists("/negotiations/ukraine-peace-2025/parties/nobody")).toBe(false);
      expect(await reader.pageExists("/negotiations/nobody")).toBe(false);
      // A draft's point, its number percent-encoded as in a link.
      expect(await reader.pageExists("/negotiations/ukraine-peace-2025/drafts/us-package-dec/points/20pt-Dec%20(a)")).toBe(true);
      expect(await reader.pageExists("/negotiations/ukraine-peace-2025/drafts/us-draft/points/99")).toBe(false);
      expect(await reader.pageExists("/negotiations/ukraine-peace-2025/drafts/nobody/points/1")).toBe(false);
      expect(await reader.pageExists("/about")).toBe(true);
      expect(await reader.pageExists("/embed/negotiations/ukraine-peace-2025/charts/lean")).toBe(true);
      expect(await reader.pageExists("/embed/negotiations/nobody/charts/lean")).toBe(false);
    } finally {
      await reader.close();
    }
  });
});

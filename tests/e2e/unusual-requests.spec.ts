import net from "node:net";
import { expect, test } from "@/tests/e2e/support/fixtures";

/** Sends raw bytes to the server and returns its status line and headers. */
function sendRaw(baseURL: string, request: string): Promise<string> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    let reply = "";
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    socket.on("data", (chunk) => (reply += chunk.toString("latin1")));
    socket.on("end", () => resolve(reply.split("\r\n\r\n")[0] ?? ""));
    socket.on("error", reject);
  });
}

test.describe("unusual requests get a plain answer, never a 500", () => {
  for (const [method, pathname] of [
    ["TRACE", "/"],
    ["TRACE", "/negotiations/ukraine-peace-2025"],
    ["PUT", "/api/negotiations/ukraine-peace-2025/matrix"],
    ["DELETE", "/negotiations/ukraine-peace-2025/matrix.csv"],
  ] as const) {
    test(`${method} ${pathname} is 405 with JSON, Allow and the security headers`, async ({ request }) => {
      const response = await request.fetch(pathname, { method });
      expect(response.status()).toBe(405);
      expect(response.headers()["allow"]).toBe("GET, HEAD, POST");
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(await response.json()).toEqual({ error: `The method ${method} is not allowed here.` });
    });
  }

  test("the asterisk form, CONNECT and malformed percent-encoding", async ({ baseURL, request }) => {
    expect(await sendRaw(baseURL!, "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 405 /);
    expect(await sendRaw(baseURL!, "GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 /);
    expect(await sendRaw(baseURL!, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n")).toMatch(/^HTTP\/1\.1 405 /);
    const malformed = await request.get("/negotiations/%E0%A4%A");
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toEqual({ error: "The address is not validly percent-encoded." });
  });
});

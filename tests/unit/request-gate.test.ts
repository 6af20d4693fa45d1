import { describe, expect, it } from "vitest";
import { BODY_LIMITS, checkRequest, normalizeAcceptEncoding, normalizePathname } from "@/lib/http/gate";
import { isSafeNext } from "@/lib/http/safe-next";

const host = "localhost:3000";
const at = (headers: Record<string, string> = {}) => ({ host, ...headers });

describe("checkRequest", () => {
  it.each([
    ["GET", "/"],
    ["HEAD", "/negotiations/x?q=%C3%A9"],
    ["POST", "/negotiations/x"],
  ])("lets %s %s through", (method, target) => {
    expect(checkRequest(method, target, at())).toBeNull();
  });

  it.each([
    ["TRACE", "/", 405],
    ["PUT", "/api/negotiations/x/matrix", 405],
    ["PUT", "/api/negotiations/x/issues/i/parties", 405],
    ["DELETE", "/", 405],
    ["OPTIONS", "*", 405],
    ["GET", "*", 400],
    ["GET", "http://example.org/", 400],
    ["GET", "/negotiations/%E0%A4%A", 400],
  ])("refuses %s %s with %i", (method, target, status) => {
    expect(checkRequest(method, target, at())?.status).toBe(status);
  });
});

describe("the write API's cells take PUT", () => {
  it("lets PUT through to a cell, with or without a query", () => {
    expect(checkRequest("PUT", "/api/negotiations/x/issues/nato/parties/russia", at())).toBeNull();
    expect(checkRequest("PUT", "/api/negotiations/x/issues/nato/parties/russia?dry=1", at())).toBeNull();
    expect(checkRequest("DELETE", "/api/negotiations/x/issues/nato/parties/russia", at())?.allow).toBe("GET, HEAD, POST, PUT");
  });
});

describe("a mutation from another site's page is refused (CSRF)", () => {
  const host = "dash.example.org";
  it.each([
    ["POST", "https://evil.example", 403],
    ["PUT", "https://dash.example.org.evil.example", 403],
    ["POST", "null", 403],
    ["POST", "https://dash.example.org", null],
    ["GET", "https://evil.example", null],
  ])("%s with Origin %s", (method, origin, status) => {
    const target = method === "PUT" ? "/api/negotiations/x/issues/i/parties/p" : "/negotiations/x";
    expect(checkRequest(method, target, { origin, host }, [host])?.status ?? null).toBe(status);
  });

  it("lets a script's request without Origin or cookie through (it carries a token, not a browser's cookie)", () => {
    expect(checkRequest("PUT", "/api/negotiations/x/issues/i/parties/p", { host }, [host])).toBeNull();
  });

  it.each([
    ["better-auth.session_token=abc", undefined, 403],
    ["theme=dark; __Secure-better-auth.session_token=abc", undefined, 403],
    ["better-auth.session_token=abc", "same-origin", null],
    ["better-auth.session_token=abc", "cross-site", 403],
    ["theme=dark", undefined, null],
  ])("a POST with the cookie %s, no Origin and Sec-Fetch-Site %s", (cookie, site, status) => {
    const headers = at({ cookie, ...(site ? { "sec-fetch-site": site } : {}) });
    expect(checkRequest("POST", "/negotiations/x/structure", headers)?.status ?? null).toBe(status);
  });
});

describe("the Host a request names", () => {
  it.each([
    ["localhost:3000", [], null],
    ["127.0.0.1:3210", [], null],
    ["[::1]:80", [], null],
    ["LOCALHOST", [], null],
    ["dash.example.org", ["dash.example.org"], null],
    ["evil.example", ["dash.example.org"], 400],
    ["localhost.evil.example", [], 400],
    [undefined, [], 400],
  ])("%s (allowed besides loopback: %j)", (name, allowed, status) => {
    expect(checkRequest("GET", "/", name === undefined ? {} : { host: name }, allowed)?.status ?? null).toBe(status);
  });
});

describe("bodies are capped before they are read", () => {
  it.each([
    ["/api/auth/sign-in/email", BODY_LIMITS.auth, null],
    ["/api/auth/sign-in/email", BODY_LIMITS.auth + 1, 413],
    ["/api/auth/update-user", 4 * 1024 * 1024, 413],
    ["/negotiations/x/import", 2 * 1024 * 1024, null],
    ["/negotiations/x/import", BODY_LIMITS.import + 1, 413],
    ["/negotiations/x/structure", BODY_LIMITS.other + 1, 413],
    ["/negotiations/x/../../api/auth/sign-in/email", BODY_LIMITS.auth + 1, 413],
  ])("POST %s with %i bytes", (target, length, status) => {
    expect(checkRequest("POST", target, at({ "content-length": String(length) }))?.status ?? null).toBe(status);
  });

  it("asks for a length when the body is chunked, and refuses a length that is not a number", () => {
    expect(checkRequest("POST", "/api/auth/sign-in/email", at({ "transfer-encoding": "chunked" }))?.status).toBe(411);
    expect(checkRequest("POST", "/api/auth/sign-in/email", at({ "content-length": "12x" }))?.status).toBe(400);
  });
});

describe("normalizePathname", () => {
  it.each([
    ["/embed/../admin/users", "/admin/users"],
    ["/embed/%2e%2e/admin/users", "/admin/users"],
    ["/embed/negotiations/x/charts/lean?x=1", "/embed/negotiations/x/charts/lean"],
    ["/a/./b", "/a/b"],
  ])("%s is %s", (target, pathname) => {
    expect(normalizePathname(target)).toBe(pathname);
  });
});

describe("normalizeAcceptEncoding", () => {
  it.each([
    ["gzip, deflate, br", "gzip"],
    ["GZIP", "gzip"],
    ["deflate", "identity"],
    ["br", "identity"],
    ["gzip;q=0", "identity"],
    ["gzip;q=0.5, identity", "gzip"],
    [undefined, "identity"],
    ["*", "identity"],
  ])("%s → %s", (header, encoding) => {
    expect(normalizeAcceptEncoding(header)).toBe(encoding);
  });
});

describe("isSafeNext: where sign-in may send a user on", () => {
  it.each([
    ["/negotiations/x?asOf=2025-12-01#a", true],
    ["/account", true],
    ["//evil.example/phish", false],
    ["/\\evil.example/phish", false],
    ["/\t/evil.example/phish", false],
    ["/%09/evil.example/phish", true],
    ["/\r\n/evil.example/phish", false],
    ["https://evil.example/", false],
    ["javascript:alert(1)", false],
    ["", false],
  ])("%j → %s", (next, safe) => {
    expect(isSafeNext(next)).toBe(safe);
  });
});

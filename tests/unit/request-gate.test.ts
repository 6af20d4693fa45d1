import { describe, expect, it } from "vitest";
import { checkRequest } from "@/lib/request-gate";

describe("checkRequest", () => {
  it.each([
    ["GET", "/"],
    ["HEAD", "/negotiations/x?q=%C3%A9"],
    ["POST", "/negotiations/x"],
  ])("lets %s %s through", (method, target) => {
    expect(checkRequest(method, target)).toBeNull();
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
    expect(checkRequest(method, target)?.status).toBe(status);
  });
});

describe("the write API's cells take PUT", () => {
  it("lets PUT through to a cell, with or without a query", () => {
    expect(checkRequest("PUT", "/api/negotiations/x/issues/nato/parties/russia")).toBeNull();
    expect(checkRequest("PUT", "/api/negotiations/x/issues/nato/parties/russia?dry=1")).toBeNull();
    expect(checkRequest("DELETE", "/api/negotiations/x/issues/nato/parties/russia")?.allow).toBe("GET, HEAD, POST, PUT");
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
    expect(checkRequest(method, target, { origin, host })?.status ?? null).toBe(status);
  });

  it("lets a script's request without Origin through (it carries a token, not a browser's cookie)", () => {
    expect(checkRequest("PUT", "/api/negotiations/x/issues/i/parties/p", { host })).toBeNull();
  });
});

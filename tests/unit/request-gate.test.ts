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
    ["DELETE", "/", 405],
    ["OPTIONS", "*", 405],
    ["GET", "*", 400],
    ["GET", "http://example.org/", 400],
    ["GET", "/negotiations/%E0%A4%A", 400],
  ])("refuses %s %s with %i", (method, target, status) => {
    expect(checkRequest(method, target)?.status).toBe(status);
  });
});

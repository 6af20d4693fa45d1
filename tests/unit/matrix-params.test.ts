import { describe, expect, it } from "vitest";
import { parseMatrixParams, toMatrixSearchParams, toQueryString } from "@/lib/matrix-params";

const known = { issues: ["alpha", "beta", "gamma"], parties: ["a", "b", "c"] };

describe("parseMatrixParams", () => {
  it.each([
    ["", { issues: null, parties: null, q: "", sort: "order" }, []],
    ["issues=beta,alpha", { issues: ["alpha", "beta"], parties: null, q: "", sort: "order" }, []],
    ["issues=alpha,beta,gamma", { issues: null, parties: null, q: "", sort: "order" }, []],
    ["parties=c&sort=divergence", { issues: null, parties: ["c"], q: "", sort: "divergence" }, []],
    ["q=%20geneva%20&sort=issue", { issues: null, parties: null, q: "geneva", sort: "issue" }, []],
    ["issues=alpha,nope", { issues: ["alpha"], parties: null, q: "", sort: "order" }, ["Ignored unknown issue: “nope”."]],
    ["issues=nope", { issues: null, parties: null, q: "", sort: "order" }, ["Ignored unknown issue: “nope”.", "No known issue was chosen, so all are shown."]],
    ["sort=random", { issues: null, parties: null, q: "", sort: "order" }, ["Ignored unknown sort “random”; using the default order."]],
    ["issues=,,&parties=", { issues: null, parties: null, q: "", sort: "order" }, []],
    ["parties=a&parties=b", { issues: null, parties: ["a", "b"], q: "", sort: "order" }, []],
  ])("parses %j", (query, params, notices) => {
    expect(parseMatrixParams(new URLSearchParams(query), known)).toEqual({ params, notices });
  });

  it("accepts the record shape Next passes to pages", () => {
    const result = parseMatrixParams({ issues: ["alpha", "beta"], sort: "issue" }, known);
    expect(result.params).toEqual({ issues: ["alpha", "beta"], parties: null, q: "", sort: "issue" });
  });

  it("cuts an oversized search and says so, never throwing", () => {
    const { params, notices } = parseMatrixParams(new URLSearchParams({ q: "x".repeat(5000) }), known);
    expect(params.q).toHaveLength(200);
    expect(notices).toEqual(["The search text was cut to its first 200 characters."]);
  });

  it("echoes at most 40 characters of an unknown value and counts the rest", () => {
    const slugs = ["y".repeat(100), "b2", "b3", "b4", "b5", "b6", "b7"].join(",");
    const { notices } = parseMatrixParams(new URLSearchParams({ parties: slugs }), known);
    expect(notices[0]).toBe(`Ignored unknown parties: “${"y".repeat(40)}…”, “b2”, “b3”, “b4”, “b5” and 2 more.`);
  });
});

describe("toMatrixSearchParams", () => {
  it("leaves defaults out", () => {
    expect(toQueryString(toMatrixSearchParams({ issues: null, parties: null, q: "", sort: "order" }))).toBe("");
  });

  it("round-trips through the parser", () => {
    const params = { issues: ["alpha", "gamma"], parties: ["b"], q: "low & high", sort: "divergence" as const };
    const search = toMatrixSearchParams(params);
    expect(search.toString()).toBe("issues=alpha%2Cgamma&parties=b&q=low+%26+high&sort=divergence");
    expect(parseMatrixParams(search, known)).toEqual({ params, notices: [] });
  });
});

import { describe, expect, it } from "vitest";
import { parseAsOf, parseMatrixParams, toKnownSlugs, toMatrixSearchParams, toQueryString } from "@/lib/params/matrix-params";

const known = { issues: toKnownSlugs(["alpha", "beta", "gamma"]), parties: toKnownSlugs(["a", "b", "c"]) };

describe("parseMatrixParams", () => {
  it.each([
    ["", { issues: null, parties: null, q: "", sort: "order", page: 1 }, []],
    ["issues=beta,alpha", { issues: ["alpha", "beta"], parties: null, q: "", sort: "order", page: 1 }, []],
    ["issues=alpha,beta,gamma", { issues: null, parties: null, q: "", sort: "order", page: 1 }, []],
    ["parties=c&sort=divergence", { issues: null, parties: ["c"], q: "", sort: "divergence", page: 1 }, []],
    ["q=%20geneva%20&sort=issue", { issues: null, parties: null, q: "geneva", sort: "issue", page: 1 }, []],
    ["issues=alpha,nope", { issues: ["alpha"], parties: null, q: "", sort: "order", page: 1 }, ["Ignored unknown issue: “nope”."]],
    [
      "issues=nope",
      { issues: null, parties: null, q: "", sort: "order", page: 1 },
      ["Ignored unknown issue: “nope”.", "No known issue was chosen, so all are shown."],
    ],
    [
      "sort=random",
      { issues: null, parties: null, q: "", sort: "order", page: 1 },
      ["Ignored unknown sort “random”; using the default order."],
    ],
    ["issues=,,&parties=", { issues: null, parties: null, q: "", sort: "order", page: 1 }, []],
    ["parties=a&parties=b", { issues: null, parties: ["a", "b"], q: "", sort: "order", page: 1 }, []],
    ["page=3", { issues: null, parties: null, q: "", sort: "order", page: 3 }, []],
    ["page=0", { issues: null, parties: null, q: "", sort: "order", page: 1 }, ["Ignored page “0”; showing the first page."]],
    ["page=2.5", { issues: null, parties: null, q: "", sort: "order", page: 1 }, ["Ignored page “2.5”; showing the first page."]],
  ])("parses %j", (query, params, notices) => {
    expect(parseMatrixParams(new URLSearchParams(query), known)).toEqual({
      params: { ...params, contested: false, readings: "preferred", density: "compact", anchors: "exclude", asOf: null },
      notices,
    });
  });

  it("accepts the record shape Next passes to pages", () => {
    const result = parseMatrixParams({ issues: ["alpha", "beta"], sort: "issue" }, known);
    expect(result.params).toEqual({
      asOf: null,
      issues: ["alpha", "beta"],
      parties: null,
      q: "",
      contested: false,
      readings: "preferred",
      sort: "issue",
      page: 1,
      density: "compact",
      anchors: "exclude",
    });
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

  it("reads at most 500 slugs of a kind, so a request's work stays bounded", () => {
    const many = Array.from({ length: 600 }, (_, i) => `s${i}`)
      .concat("alpha")
      .join(",");
    const { params, notices } = parseMatrixParams(new URLSearchParams({ issues: many }), known);
    expect(params.issues).toBeNull();
    expect(notices[0]).toBe("Only the first 500 issues named in the address were read.");
  });
});

describe("sort by a party", () => {
  it("accepts a known party and refuses an unknown one with a notice", () => {
    expect(parseMatrixParams(new URLSearchParams("sort=party:b"), known).params.sort).toBe("party:b");
    const { params, notices } = parseMatrixParams(new URLSearchParams("sort=party:zz"), known);
    expect(params.sort).toBe("order");
    expect(notices).toEqual(["Ignored unknown sort “party:zz”; using the default order."]);
  });
});

describe("density", () => {
  it("is compact unless the URL asks for detailed; anything else is a notice", () => {
    expect(parseMatrixParams(new URLSearchParams("density=detailed"), known).params.density).toBe("detailed");
    const { params, notices } = parseMatrixParams(new URLSearchParams("density=huge"), known);
    expect(params.density).toBe("compact");
    expect(notices).toEqual(["Ignored unknown density “huge”; showing compact cells."]);
  });
});

describe("parseAsOf", () => {
  it.each([
    ["2025-12-15", "2025-12-15", []],
    ["", null, []],
    ["2025-02-30", null, ["Ignored date “2025-02-30” (expected a day such as 2025-12-15); showing the latest data."]],
    ["15.12.2025", null, ["Ignored date “15.12.2025” (expected a day such as 2025-12-15); showing the latest data."]],
    [
      "2025-12-15'; DROP TABLE x",
      null,
      ["Ignored date “2025-12-15'; DROP TABLE x” (expected a day such as 2025-12-15); showing the latest data."],
    ],
  ])("reads asOf=%j as a calendar day or ignores it with a notice", (value, expected, notices) => {
    const found: string[] = [];
    expect(parseAsOf(new URLSearchParams({ asOf: value }), found)).toBe(expected);
    expect(found).toEqual(notices);
  });
});

describe("toMatrixSearchParams", () => {
  it("leaves defaults out", () => {
    expect(
      toQueryString(
        toMatrixSearchParams({
          asOf: null,
          issues: null,
          parties: null,
          q: "",
          contested: false,
          readings: "preferred",
          sort: "order",
          page: 1,
          density: "compact",
          anchors: "exclude",
        }),
      ),
    ).toBe("");
  });

  it("round-trips through the parser", () => {
    const params = {
      asOf: "2025-12-15",
      issues: ["alpha", "gamma"],
      parties: ["b"],
      q: "low & high",
      contested: true,
      readings: "range" as const,
      sort: "divergence" as const,
      page: 2,
      density: "detailed" as const,
      anchors: "include" as const,
    };
    const search = toMatrixSearchParams(params);
    expect(search.toString()).toBe(
      "asOf=2025-12-15&issues=alpha%2Cgamma&parties=b&q=low+%26+high&contested=only&readings=range&sort=divergence&page=2&density=detailed&anchors=include",
    );
    expect(parseMatrixParams(search, known)).toEqual({ params, notices: [] });
  });

  it("reads contested=only, and ignores any other value with a notice", () => {
    expect(parseMatrixParams(new URLSearchParams("contested=only"), known).params.contested).toBe(true);
    expect(parseMatrixParams(new URLSearchParams("contested=yes"), known)).toMatchObject({
      params: { contested: false },
      notices: ["Ignored contested “yes” (the one value is “only”); showing every cell."],
    });
  });

  it("reads readings=range, and ignores any other value with a notice", () => {
    expect(parseMatrixParams(new URLSearchParams("readings=range"), known).params.readings).toBe("range");
    expect(parseMatrixParams(new URLSearchParams("readings=low"), known)).toMatchObject({
      params: { readings: "preferred" },
      notices: ["Ignored readings “low” (use “range”); the metrics use each cell's preferred reading."],
    });
  });
});

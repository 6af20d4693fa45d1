import { describe, expect, it } from "vitest";
import { byGap, compareParties, describeLargestGaps, describeShift, diffSummaries } from "@/lib/analysis/compare";
import { parseCompareParams } from "@/lib/params/compare-params";
import { toCompareCsv } from "@/lib/formats/csv";
import { fixtureMatrix } from "@/tests/fixtures/matrix";

const compare = (a: string, b: string) => compareParties(fixtureMatrix({ parties: [a, b] }));

describe("compareParties", () => {
  it("counts same, different and unknown; a null score is unknown, never 0", () => {
    const result = compare("a", "c");
    expect(result.rows.map((r) => [r.issue.slug, r.kind, r.difference])).toEqual([
      ["alpha", "different", 2],
      ["beta", "same", 0],
      ["gamma", "unknown", null],
    ]);
    expect(result.counts).toEqual({ same: 1, different: 1, unknown: 1 });
    // Each issue's agreement: 1 − |b − a| / 4 (the pairwise distance's normalisation), null when either is unknown.
    expect(result.rows.map((r) => r.agreement)).toEqual([0.5, 1, null]);
  });

  it("describes the shift from A to B in the issue's words", () => {
    const rows = compare("b", "a").rows;
    expect(rows.map((r) => r.direction)).toEqual([
      "4 steps toward “Low A”",
      "Not comparable: at least one score is unknown",
      "Not comparable: at least one score is unknown",
    ]);
  });

  it.each([
    [1, "1 step toward “High”"],
    [-2, "2 steps toward “Low”"],
    [0, "Same score"],
  ])("describeShift(%s)", (difference, text) => {
    expect(describeShift(difference, { lowLabel: "Low", highLabel: "High" })).toBe(text);
  });
});

describe("byGap and the summary of the largest gaps", () => {
  it("orders the largest gap first and unknown last, and names the largest", () => {
    // b vs c: alpha +2 → 0 (gap 2), beta unknown, gamma −1 → +2 (gap 3).
    const rows = byGap(compare("b", "c").rows);
    expect(rows.map((r) => [r.issue.slug, r.difference])).toEqual([
      ["gamma", 3],
      ["alpha", -2],
      ["beta", null],
    ]);
    expect(describeLargestGaps(rows)).toBe("Largest gap (3 steps): Gamma issue.");
    expect(describeLargestGaps(compare("a", "a").rows)).toBeNull();
  });

  it("gives the pair's agreement from the same function as the heatmap, the mean of the issues' agreements", () => {
    // b vs c share alpha and gamma: (2 + 3) / 8 = 0.625 apart, 37.5% agreement.
    const { pair, rows } = compare("b", "c");
    expect(pair).toEqual({ sharedIssues: 2, distance: 0.625, agreement: 0.375 });
    const known = rows.flatMap((r) => (r.agreement === null ? [] : [r.agreement]));
    expect(known.reduce((sum, a) => sum + a, 0) / known.length).toBe(pair.agreement);
  });
});

describe("diffSummaries", () => {
  it("marks added and removed words (jsdiff splits at punctuation)", () => {
    expect(diffSummaries("a cap of 600,000 troops", "a cap of 800,000 troops")).toEqual([
      { text: "a cap of ", change: "same" },
      { text: "600", change: "removed" },
      { text: "800", change: "added" },
      { text: ",000 troops", change: "same" },
    ]);
  });

  it("does not diff summaries too long to diff within a request, however they were stored", () => {
    expect(diffSummaries("word ".repeat(300), "other ".repeat(300))).not.toBeNull();
    expect(diffSummaries("word ".repeat(10_000), "other ".repeat(10_000))).toBeNull();
  });
});

describe("parseCompareParams", () => {
  it.each([
    ["a=a&b=c", { a: "a", b: "c", problems: [] }],
    ["a=a", { a: "a", b: null, problems: ["Choose party B."] }],
    ["a=zz&b=c", { a: null, b: "c", problems: ["Party A “zz” is not in this negotiation; choose another."] }],
    ["", { a: null, b: null, problems: ["Choose party A.", "Choose party B."] }],
    ["a=b&b=b", { a: null, b: null, problems: ["Party A and party B are the same; choose two different parties."] }],
    [
      "a=a&b=c&order=issue&only=differences&diff=words",
      { a: "a", b: "c", problems: [], order: "issue", differencesOnly: true, wordDiff: true },
    ],
    ["a=a&b=c&order=sideways", { a: "a", b: "c", problems: [] }],
    ["a=a&b=c&details=all", { a: "a", b: "c", problems: [], allDetails: true }],
    ["a=a&b=c&details=some", { a: "a", b: "c", problems: [] }],
  ])("%s", (query, expected) => {
    const defaults = { order: "gap", differencesOnly: false, wordDiff: false, allDetails: false };
    expect(parseCompareParams(new URLSearchParams(query), ["a", "b", "c"])).toEqual({ ...defaults, ...expected });
  });
});

describe("toCompareCsv", () => {
  it("writes one row per issue with both scores and the difference", () => {
    const text = toCompareCsv(compare("a", "c"));
    const lines = text.replace("\uFEFF", "").split("\r\n");
    expect(lines[0]).toBe(
      "issue,issue_name,a_party,b_party,a_score,b_score,difference,comparison,direction,a_status,b_status,a_summary,b_summary",
    );
    expect(lines[1]).toBe(
      'alpha,Alpha issue,a,c,-2,0,2,different,2 steps toward “High A”,stated,stated,A wants the low end.,"C sits in the middle, in Genève."',
    );
    expect(lines[3]).toBe(
      "gamma,Gamma issue,a,c,,2,,unknown,Not comparable: at least one score is unknown,no_position,reported,Nothing found.,'@C wants the high end",
    );
  });
});

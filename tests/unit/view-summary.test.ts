import { describe, expect, it } from "vitest";
import { DEFAULT_MATRIX_PARAMS, type TMatrixParams } from "@/lib/params/matrix-params";
import { describeSearch, describeView } from "@/lib/params/view-summary";

const parties = [
  { slug: "a", name: "Alpha draft" },
  { slug: "b", name: "Beta (Geneva)" },
];
const counts = {
  rows: 4,
  issueCount: 13,
  shownParties: parties,
  partyCount: 6,
  page: { number: 1, size: 50, pageCount: 1, rowsOnPage: 4 },
};
const params = (change: Partial<TMatrixParams> = {}): TMatrixParams => ({ ...DEFAULT_MATRIX_PARAMS, ...change });

describe("describeView", () => {
  it.each([
    [params(), counts, "4 of 13 issues × 2 of 6 parties; no filters."],
    [params({ issues: ["x", "y"], parties: ["a", "b"] }), counts, "4 of 13 issues × 2 of 6 parties; 2 issues chosen, 2 parties chosen."],
    [
      params({ issues: ["x"], q: "geneva", sort: "divergence" }),
      counts,
      "4 of 13 issues × 2 of 6 parties; 1 issue chosen, search “geneva”, sorted by most contested first.",
    ],
    [params({ sort: "party:b" }), counts, "4 of 13 issues × 2 of 6 parties; sorted by Beta (Geneva), highest first."],
    [params({ anchors: "include" }), counts, "4 of 13 issues × 2 of 6 parties; anchors counted in spread."],
    [
      params({ page: 2 }),
      { ...counts, rows: 120, issueCount: 120, page: { number: 2, size: 50, pageCount: 3, rowsOnPage: 50 } },
      "120 of 120 issues × 2 of 6 parties, rows 51–100 on page 2 of 3; no filters.",
    ],
    [
      params(),
      { ...counts, rows: 1, issueCount: 1, partyCount: 1, shownParties: [parties[0]!] },
      "1 of 1 issue × 1 of 1 party; no filters.",
    ],
  ])("%j", (p, c, text) => {
    expect(describeView(p, c)).toBe(text);
  });
});

describe("describeSearch", () => {
  it.each([
    ["geneva", { cells: 5, rows: 4, issueNames: 0 }, "5 cells match “geneva” in 4 rows; the column Beta (Geneva) matches by name."],
    ["GENÈVA", { cells: 1, rows: 1, issueNames: 0 }, "1 cell matches “GENÈVA” in 1 row; the column Beta (Geneva) matches by name."],
    ["alpha", { cells: 0, rows: 0, issueNames: 0 }, "No cell matches “alpha”; the column Alpha draft matches by name."],
    ["cap", { cells: 2, rows: 1, issueNames: 1 }, "2 cells match “cap” in 1 row; 1 issue name matches."],
    [
      "a",
      { cells: 3, rows: 2, issueNames: 2 },
      "3 cells match “a” in 2 rows; 2 issue names match; the columns Alpha draft, Beta (Geneva) match by name.",
    ],
  ])("%s", (q, found, text) => {
    expect(describeSearch(q, found, parties)).toBe(text);
  });
});

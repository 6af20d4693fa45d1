import { describe, expect, it } from "vitest";
import { buildMatrix, foldText } from "@/lib/matrix";
import { DEFAULT_MATRIX_PARAMS, type TMatrixParams } from "@/lib/matrix-params";
import { FIXTURE } from "../fixtures/negotiation";

const view = (overrides: Partial<TMatrixParams>) => buildMatrix(FIXTURE, { ...DEFAULT_MATRIX_PARAMS, ...overrides });
const rowSlugs = (overrides: Partial<TMatrixParams>) => view(overrides).rows.map((r) => r.issue.slug);

describe("buildMatrix", () => {
  it("keeps every issue and party in their order by default, one cell per party", () => {
    const matrix = view({});
    expect(matrix.rows.map((r) => r.issue.slug)).toEqual(["alpha", "beta", "gamma"]);
    expect(matrix.parties.map((p) => p.slug)).toEqual(["a", "b", "c"]);
    expect(matrix.rows[1]?.cells.map((c) => c?.score)).toEqual([1, null, 1]);
  });

  it.each([
    [{ issues: ["gamma", "alpha"] }, ["alpha", "gamma"]],
    [{ sort: "divergence" as const }, ["alpha", "gamma", "beta"]],
    [{ sort: "divergence" as const, parties: ["b", "c"] }, ["gamma", "alpha", "beta"]],
    [{ sort: "divergence" as const, parties: ["a"] }, ["alpha", "beta", "gamma"]],
    [{ sort: "issue" as const, issues: ["gamma", "beta"] }, ["beta", "gamma"]],
    [{ q: "LEANS" }, ["beta", "gamma"]],
    [{ q: "geneve" }, ["alpha"]],
    [{ q: "\"low\"" }, ["alpha"]],
    [{ q: "gamma" }, ["gamma"]],
    [{ q: "nothing matches this" }, []],
  ])("filters and sorts %j", (params, expected) => {
    expect(rowSlugs(params)).toEqual(expected);
  });

  it("searches only the cells of the parties shown", () => {
    expect(rowSlugs({ q: "leans", parties: ["a"] })).toEqual(["beta"]);
  });

  it("computes spread over known scores only: undisclosed is never 0", () => {
    const spreads = view({}).rows.map((r) => [r.issue.slug, r.divergence.spread, r.divergence.scored]);
    expect(spreads).toEqual([["alpha", 4, 3], ["beta", 0, 2], ["gamma", 3, 2]]);
  });

  it("with parties b and c: alpha spreads 2, beta has one score (null), gamma spreads 3", () => {
    const spreads = view({ parties: ["b", "c"] }).rows.map((r) => r.divergence.spread);
    expect(spreads).toEqual([2, null, 3]);
  });
});

describe("foldText", () => {
  it.each([["Genève", "geneve"], ["ŁÓDŹ", "łodz"], ["ABC", "abc"]])("%s → %s", (input, output) => {
    expect(foldText(input)).toBe(output);
  });
});

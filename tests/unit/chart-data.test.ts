import { describe, expect, it } from "vitest";
import { styleOfParty, toDistanceGrid, toSpreadRanking, toStripData } from "@/lib/analysis/chart-data";
import { fixtureMatrix, measureMatrix } from "@/tests/fixtures/matrix";

const matrix = fixtureMatrix();

describe("chart data", () => {
  it("plots known scores and names the unknown ones", () => {
    const strips = toStripData(matrix);
    expect(strips.map((s) => s.points.map((p) => [p.party, p.score, p.y]))).toEqual([
      [
        ["a", -2, 0],
        ["b", 2, 1],
        ["c", 0, 2],
      ],
      [
        ["a", 1, 0],
        ["c", 1, 2],
      ],
      [
        ["b", -1, 1],
        ["c", 2, 2],
      ],
    ]);
    expect(strips[1]?.unscored).toEqual([{ party: "b", partyName: "Party B", status: "undisclosed" }]);
    expect(strips[2]?.unscored).toEqual([{ party: "a", partyName: "Party A", status: "no_position" }]);
  });

  it("ranks issues by spread and sets aside those without one", () => {
    const ranking = toSpreadRanking(fixtureMatrix({ parties: ["b", "c"] }));
    expect(ranking.ranked.map((r) => [r.slug, r.spread])).toEqual([
      ["gamma", 3],
      ["alpha", 2],
    ]);
    expect(ranking.unranked).toEqual([{ slug: "beta", name: "Beta issue", scored: 1 }]);
  });

  it("fills the square agreement grid from the pairs, the same figure both ways, none on the diagonal", () => {
    const grid = toDistanceGrid(["a", "b", "c"], measureMatrix(matrix).pairs);
    expect(grid.map((row) => row.map((c) => c.agreement))).toEqual([
      [null, 0, 0.75],
      [0, null, 0.375],
      [0.75, 0.375, null],
    ]);
    expect(grid[1]?.[2]?.sharedIssues).toBe(2);
  });

  it("gives each of the first seven parties its own shape and colour", () => {
    const styles = [0, 1, 2, 3, 4, 5, 6].map(styleOfParty);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(7);
    expect(new Set(styles.map((s) => s.color)).size).toBe(7);
  });
});

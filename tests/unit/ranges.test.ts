// The figures of the charts at both ends of the contested cells' ranges, on a grid small enough to check by hand.
import { describe, expect, it } from "vitest";
import { changedFigures, figuresAtEnds } from "@/lib/analysis/ranges";
import type { TMeasuredGrid } from "@/lib/analysis/analytics";

// Two documents (a then b) and an actor; on issue x, b's cell is contested with the range −2..0 (preferred −1).
const grid: TMeasuredGrid = {
  issues: [
    { slug: "x", name: "Issue X", lowLabel: "low", highLabel: "high" },
    { slug: "y", name: "Issue Y", lowLabel: "low", highLabel: "high" },
  ],
  parties: [
    { slug: "a", name: "Text A", kind: "document", date: "2025-11-01", sortOrder: 0 },
    { slug: "b", name: "Text B", kind: "document", date: "2025-11-02", sortOrder: 1 },
    { slug: "c", name: "Actor C", kind: "actor", date: "2025-11-01", sortOrder: 2 },
  ],
  scores: [
    [1, -1, 2],
    [0, 0, null],
  ],
  measured: [true, true, true],
};
const ends = {
  low: [
    [1, -2, 2],
    [0, 0, null],
  ],
  high: [
    [1, 0, 2],
    [0, 0, null],
  ],
};

describe("figuresAtEnds", () => {
  it("gives every figure at the preferred readings and at both ends", () => {
    const figures = figuresAtEnds(grid, ends);
    expect(figures.map((f) => f.metric)).toEqual([
      "lean",
      "lean",
      "lean",
      "spread",
      "spread",
      "agreement",
      "agreement",
      "agreement",
      "movement",
    ]);
    // B's lean: (−1 + 0) / 2 = −0.5; low (−2 + 0) / 2 = −1.0; high 0.
    expect(figures.find((f) => f.subject === "Text B")).toEqual({
      metric: "lean",
      subject: "Text B",
      preferred: "−0.5",
      low: "−1.0",
      high: "0.0",
    });
    // Spread of X: 2 − (−1) = 3; low 2 − (−2) = 4; high 2 − 0 = 2.
    expect(figures.find((f) => f.subject === "Issue X")).toMatchObject({ preferred: "3", low: "4", high: "2" });
  });

  it("names only the figures that change at either end", () => {
    const changed = changedFigures(figuresAtEnds(grid, ends));
    expect(changed.map((f) => `${f.metric}: ${f.subject}`)).toEqual([
      "lean: Text B",
      "spread: Issue X",
      "agreement: Text A – Text B",
      "agreement: Text B – Actor C",
    ]);
    // A → B on X moves toward the low end at every reading (+1 → −1, −2 or 0): its movement does not change.
    expect(changedFigures(figuresAtEnds(grid, { low: grid.scores, high: grid.scores }))).toEqual([]);
  });
});

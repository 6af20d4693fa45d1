// The COP30 dossier's own behaviour on the same model: no party defines an end of its scale, so
// every party is measured; its movement runs through the presidency's three texts by their dates;
// its sentences use its own words for the ends of the scale.
import { describe, expect, it } from "vitest";
import { describeLean, measureLean } from "@/lib/analysis/analytics";
import { scaleEnds } from "@/lib/domain/words";
import { getScoreView } from "@/lib/read/score-view";
import { readDivergenceJson, readMatrixJson, readMovementJson } from "@/tests/support/routes";

const SLUG = "cop30-belem-2025";

describe("the COP30 dossier", async () => {
  const matrix = await readMatrixJson(SLUG);

  it("has 72 cells, 48 of them scored, and five named steps on every issue's scale", () => {
    expect(matrix.positions).toHaveLength(8 * 9);
    expect(matrix.positions.filter((p) => p.score !== null)).toHaveLength(48);
    expect(matrix.issues.every((i) => i.steps.length === 5 && i.steps.every((s) => s.label !== null))).toBe(true);
    expect(matrix.negotiation).toMatchObject({ lowEnd: expect.stringMatching(/no text/i), highEnd: expect.stringMatching(/strongest/i) });
  });

  it("shows each cell at its latest version: the EU moved on three issues on 22 November", async () => {
    const eu = (issue: string) => matrix.positions.find((p) => p.issue === issue && p.party === "eu");
    expect(eu("adaptation-finance")).toMatchObject({ score: 0, status: "stated", asOf: "2025-11-22" });
    expect(eu("trade-measures")).toMatchObject({ score: 0, status: "reported", asOf: "2025-11-22" });
    expect(eu("fossil-roadmap")).toMatchObject({ score: 1, status: "stated", asOf: "2025-11-22" });
    await expect(
      readMatrixJson(SLUG, "?asOf=2025-11-20").then((m) => m.positions.find((p) => p.issue === "trade-measures" && p.party === "eu")),
    ).resolves.toMatchObject({ score: -2, status: "stated" });
  });

  it("measures every party: no anchors, every scored cell counted in spread, every pair compared", async () => {
    const divergence = await readDivergenceJson(SLUG);
    expect(divergence.anchors).toEqual({ low: null, high: null, leftOut: [] });
    for (const issue of divergence.issues) {
      const scored = matrix.positions.filter((p) => p.issue === issue.issue && p.score !== null).length;
      expect([issue.issue, issue.scored]).toEqual([issue.issue, scored]);
    }
    expect(divergence.pairs).toHaveLength((9 * 8) / 2);
    const asked = await readDivergenceJson(SLUG, "?anchors=include");
    expect(asked.notices).toEqual([expect.stringContaining("no party defines an end of this negotiation's scale")]);
    expect(asked.meta.filters).not.toHaveProperty("anchors");
    expect(asked.issues).toEqual(divergence.issues);
  });

  it("moves through the presidency's three texts in the order of their dates", async () => {
    const movement = await readMovementJson(SLUG);
    expect(movement.documents).toEqual(["mutirao-draft-1", "mutirao-draft-2", "belem-final"]);
    expect(movement.summary.map((s) => [s.from, s.to])).toEqual([
      ["mutirao-draft-1", "mutirao-draft-2"],
      ["mutirao-draft-2", "belem-final"],
    ]);
    // The fossil-fuel roadmap: a roundtable on national roadmaps (0), then nothing (−2), then an indirect reference (−1).
    expect(movement.steps.filter((s) => s.issue === "fossil-roadmap").map((s) => [s.fromScore, s.toScore])).toEqual([
      [0, -2],
      [-2, -1],
    ]);
  });

  it("speaks of the ends of its scale in its own words, never of another negotiation's parties", async () => {
    const view = (await getScoreView(SLUG, new URLSearchParams()))!;
    const sentences = measureLean(view).map((lean) => describeLean(lean, scaleEnds(view.negotiation)));
    expect(sentences.length).toBe(9);
    expect(sentences.join(" ")).toMatch(/toward (no text|the strongest)/i);
    expect(sentences.join(" ")).not.toMatch(/Russia|Ukraine/);
  });
});

// Lean and movement on the seeded dossier, against values computed by hand from
// prisma/seed-data/ukraine-peace-2025.json, as the dossier stood on 10 Dec 2025 (before the updated
// US package of 11 Dec and the 20-point framework of 24 Dec). Documents in order of their first
// date: the US draft (20 Nov), then the Geneva framework and the European counter-proposal (both
// 23 Nov, in column order).
import { describe, expect, it } from "vitest";
import { describeLean, describeMovement, measureLean, measureMovement } from "@/lib/analysis/analytics";
import { scaleEnds } from "@/lib/domain/words";
import { getScoreView } from "@/lib/read/score-view";
import { callMovement, readMovementJson } from "@/tests/support/routes";

const SLUG = "ukraine-peace-2025";
const DEC_10 = "?asOf=2025-12-10";

describe("GET /api/negotiations/[slug]/movement", () => {
  it("gives the hand-computed moves between consecutive documents", async () => {
    const body = await readMovementJson(SLUG, DEC_10);
    expect(body.documents).toEqual(["us-draft", "revised-framework", "europe", "europe-24"]);
    expect(body.meta).toMatchObject({ negotiation: SLUG, asOf: "2025-12-10", filters: { asOf: "2025-12-10" } });
    // Geneva on 10 Dec: NATO 0 (its 1 Dec version), army cap −1, guarantees 0, amnesty −1; nine unknown.
    // US draft → Geneva: NATO +2 → 0, army cap +1 → −1, amnesty +2 → −1 (toward Ukraine), guarantees 0 → 0.
    // Geneva → Europe: NATO 0 → −1, army cap −1 → −1, guarantees 0 → −1, amnesty −1 → −1 (the European text's
    // point 26, found by the lineage research).
    expect(body.summary).toEqual([
      { from: "us-draft", to: "revised-framework", towardLow: 3, towardHigh: 0, unchanged: 1, unknown: 9 },
      { from: "revised-framework", to: "europe", towardLow: 2, towardHigh: 0, unchanged: 2, unknown: 9 },
      // The E3 text → the 24-point plan: army cap −1 → −2, sanctions +1 → −1, foreign troops −1 → −2, ZNPP +1 → −2;
      // seven on the same step; the G8 (no clause) and amnesty (not found) unknown in the 24-point plan.
      { from: "europe", to: "europe-24", towardLow: 4, towardHigh: 0, unchanged: 7, unknown: 2 },
    ]);
    expect(body.steps.filter((s) => s.change !== null && s.to !== "europe-24")).toEqual([
      { from: "us-draft", to: "revised-framework", issue: "nato", fromScore: 2, toScore: 0, change: -2, toward: "low" },
      { from: "us-draft", to: "revised-framework", issue: "army-cap", fromScore: 1, toScore: -1, change: -2, toward: "low" },
      { from: "us-draft", to: "revised-framework", issue: "security-guarantees", fromScore: 0, toScore: 0, change: 0, toward: "none" },
      { from: "us-draft", to: "revised-framework", issue: "amnesty", fromScore: 2, toScore: -1, change: -3, toward: "low" },
      { from: "revised-framework", to: "europe", issue: "nato", fromScore: 0, toScore: -1, change: -1, toward: "low" },
      { from: "revised-framework", to: "europe", issue: "army-cap", fromScore: -1, toScore: -1, change: 0, toward: "none" },
      { from: "revised-framework", to: "europe", issue: "security-guarantees", fromScore: 0, toScore: -1, change: -1, toward: "low" },
      { from: "revised-framework", to: "europe", issue: "amnesty", fromScore: -1, toScore: -1, change: 0, toward: "none" },
    ]);
    expect(body.steps.find((s) => s.issue === "donbas")).toMatchObject({ fromScore: 2, toScore: null, change: null, toward: null });
  });

  it("follows the matrix filters: the US draft straight to Europe over the core issues", async () => {
    const body = await readMovementJson(SLUG, "?parties=us-draft,europe&issues=nato,army-cap,donbas,crimea,sanctions,g8");
    // nato 2 → −1, army 1 → −1, donbas 2 → −1, crimea 1 → −1, sanctions 1 → 1, g8 2 → 2.
    expect(body.summary).toEqual([{ from: "us-draft", to: "europe", towardLow: 4, towardHigh: 0, unchanged: 2, unknown: 0 }]);
  });

  it("has nothing to compare with fewer than two documents, and answers 404 JSON to an unknown negotiation", async () => {
    expect(await readMovementJson(SLUG, "?parties=russia,ukraine,us-draft")).toMatchObject({
      documents: ["us-draft"],
      steps: [],
      summary: [],
    });
    const missing = await callMovement("no-such-talks");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: expect.stringContaining("no-such-talks") });
  });
});

describe("lean and the sentences", () => {
  it("gives each party's mean over its known scores, in words with the negotiation's pole names", async () => {
    const view = (await getScoreView(SLUG, new URLSearchParams(DEC_10)))!;
    const lean = measureLean(view);
    // US draft: 2+1+2+1+1+2+1+0+1+1+2+1+1 = 16 over 13. Geneva: 0 − 1 + 0 − 1 = −2 over 4, 9 unknown.
    expect(lean.find((l) => l.party === "us-draft")).toMatchObject({ mean: 16 / 13, scored: 13, unknown: 0 });
    expect(lean.find((l) => l.party === "revised-framework")).toMatchObject({ mean: -2 / 4, scored: 4, unknown: 9 });
    const poles = scaleEnds(view.negotiation);
    expect(describeLean(lean[0]!, poles)).toBe("US 28-point draft leans +1.2 toward Russia's maximal demand over 13 scored issues.");
    expect(describeLean(lean[1]!, poles)).toBe(
      "Revised US–Ukraine framework (Geneva) leans −0.5 toward Ukraine's stated position over 4 scored issues; 9 unknown.",
    );
    const movement = measureMovement(view);
    expect(describeMovement(movement, movement.summary[0]!, view, poles)).toBe(
      "From the US 28-point draft to the Revised US–Ukraine framework (Geneva): 3 issues moved toward Ukraine's stated position (7 steps in all), " +
        "0 issues toward Russia's maximal demand, 1 issue unchanged, 9 issues unknown in one text or both. " +
        "Moved most: Amnesty / waiver of claims: 3 steps toward “Accountability for wartime acts”.",
    );
  });
});

describe("the latest data", () => {
  it("adds the 20-point framework last and scores the Geneva framework by its latest versions", async () => {
    const view = (await getScoreView(SLUG, new URLSearchParams()))!;
    expect(measureMovement(view).documents).toEqual(["us-draft", "revised-framework", "europe", "europe-24", "twenty-point"]);
    const lean = measureLean(view);
    // Geneva's latest: NATO 0, army −1, Donbas +1, Crimea +1, Zaporizhzhia–Kherson +1, guarantees −1, troops −1, amnesty −1, ZNPP +1.
    expect(lean.find((l) => l.party === "revised-framework")).toMatchObject({ mean: 0, scored: 9, unknown: 4 });
    // 20 points: NATO −1, army −1, Donbas −1, Zaporizhzhia–Kherson −1, guarantees −1 (its 28–29 Dec version),
    // foreign troops −1 (its 6 Jan version), elections 0.
    expect(lean.find((l) => l.party === "twenty-point")).toMatchObject({ mean: -6 / 7, scored: 7, unknown: 6 });
  });
});

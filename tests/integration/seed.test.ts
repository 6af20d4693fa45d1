import { describe, expect, it } from "vitest";
import { readMatrixJson } from "@/tests/support/routes";

const SLUG = "ukraine-peace-2025";

// The Russia–Ukraine dossier's own content, beyond what tests/integration/seed-golden.test.ts checks for every seeded dossier.
describe("seeded negotiation ukraine-peace-2025", async () => {
  const negotiation = await readMatrixJson(SLUG);
  const cell = (issue: string, party: string) => negotiation.positions.find((p) => p.issue === issue && p.party === party);

  it("has the required issues and the seven parties in order", () => {
    const issues = negotiation.issues.map((i) => i.slug);
    for (const slug of ["nato", "army-cap", "donbas", "crimea", "sanctions", "g8"]) expect(issues).toContain(slug);
    expect(negotiation.parties.map((p) => p.slug)).toEqual([
      "us-draft",
      "revised-framework",
      "europe",
      "europe-24",
      "russia",
      "ukraine",
      "twenty-point",
    ]);
    expect(negotiation.negotiation.title).toBe("Russia–Ukraine peace talks, Nov–Dec 2025");
  });

  it("leaves the 20-point framework's Crimea cell unknown, never 0", () => {
    expect(cell("crimea", "twenty-point")).toMatchObject({ score: null, status: expect.stringMatching(/undisclosed|no_position/) });
  });

  it("keeps the research's scores, e.g. the G8 row and the Geneva NATO cell", () => {
    expect(cell("g8", "us-draft")).toMatchObject({ score: 2, status: "reported" });
    expect(cell("g8", "russia")).toMatchObject({ score: null, status: "stated" });
    expect(cell("g8", "ukraine")).toMatchObject({ score: null, status: "no_position" });
    expect(cell("nato", "revised-framework")).toMatchObject({ score: 0, status: "reported", asOf: "2025-12-11" });
    expect(cell("army-cap", "europe")).toMatchObject({ score: -1, quote: expect.stringContaining("800,000") });
  });

  it("keeps each cell's history: the Geneva NATO cell was undisclosed on 25 Nov", async () => {
    const early = await readMatrixJson(SLUG, "?asOf=2025-11-25");
    expect(early.positions.find((p) => p.issue === "nato" && p.party === "revised-framework")).toMatchObject({
      score: null,
      status: "undisclosed",
    });
  });
});

describe("confidence by the stated rule, in the exports", async () => {
  const { callCsv, readCsvText } = await import("@/tests/support/routes");
  const { parse } = await import("csv-parse/sync");

  it("gives each position its evidence and computed confidence beside the dossier's own, with the reason where they differ", async () => {
    const matrix = await readMatrixJson(SLUG);
    expect(matrix.positions.every((p) => p.evidence !== null)).toBe(true);
    const cell = (issue: string, party: string) => matrix.positions.find((p) => p.issue === issue && p.party === party)!;
    expect(cell("nato", "us-draft")).toMatchObject({
      confidence: "high",
      confidenceReason: null,
      evidence: { originals: 4, outlets: ["AFP", "Axios", "Financial Times", "The Telegraph"], agreement: "high", computed: "high" },
    });
    // One original (Reuters) gives medium by the rule; the dossier rates it high and says why.
    expect(cell("nato", "europe")).toMatchObject({
      confidence: "high",
      confidenceReason: expect.stringContaining("how direct the sources are"),
      evidence: { originals: 1, outlets: ["Reuters"], computed: "medium" },
    });
    const rows = parse(await readCsvText(await callCsv(SLUG, "?layout=long")), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(91);
    for (const row of rows) {
      const json = cell(row.issue!, row.party!);
      expect([row.confidence_computed, row.confidence_reason]).toEqual([json.evidence!.computed, json.confidenceReason ?? ""]);
    }
  });
});

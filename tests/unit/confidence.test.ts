// The confidence rule over its whole table, and the cell schema's demand for a reason where the
// dossier's confidence differs from the rule's.
import { describe, expect, it } from "vitest";
import { AGREEMENTS, computedConfidence, confidenceByRule, evidenceLevel } from "@/lib/cells/confidence";
import { ZCellVersionInput } from "@/lib/cells/schema";

describe("confidenceByRule", () => {
  it("follows the stated table for every count of originals and every agreement", () => {
    const table = [0, 1, 2, 3, 4, 12].map((n) => [n, evidenceLevel(n), ...AGREEMENTS.map((a) => confidenceByRule(n, a))]);
    expect(table).toEqual([
      // originals, evidence, agreement high, medium, low
      [0, "none", "low", "low", "low"],
      [1, "limited", "medium", "medium", "low"],
      [2, "medium", "medium", "medium", "medium"],
      [3, "robust", "high", "medium", "medium"],
      [4, "robust", "high", "medium", "medium"],
      [12, "robust", "high", "medium", "medium"],
    ]);
  });

  it("counts an original named twice once, and gives nothing for a version not assessed", () => {
    expect(computedConfidence({ originals: ["Reuters", "Reuters", "AFP"], agreement: "high" })).toBe("medium");
    expect(computedConfidence({ originals: ["Reuters", "AFP", "FT"], agreement: "high" })).toBe("high");
    expect(computedConfidence(null)).toBeNull();
  });
});

describe("a version's confidence against the rule", () => {
  const version = {
    issue: "alpha",
    party: "a",
    label: "L",
    summary: "S",
    score: 1,
    status: "stated",
    confidence: "high",
    sources: [{ title: "T", publisher: "P", url: "https://example.org", publishedAt: "2025-11-20" }],
  };
  const messages = (input: object) => ZCellVersionInput.safeParse(input).error?.issues.map((i) => i.message) ?? [];

  it("needs a reason where the dossier's confidence differs from the rule's, and none where they agree or nothing is assessed", () => {
    const single = { originals: ["Reuters"], agreement: "high" };
    expect(messages({ ...version, evidence: single })).toEqual([
      "the confidence differs from the one the rule computes from the evidence (medium): say why",
    ]);
    expect(messages({ ...version, evidence: single, confidenceReason: "The full text was published." })).toEqual([]);
    expect(messages({ ...version, evidence: { originals: ["Reuters", "AFP", "FT"], agreement: "high" } })).toEqual([]);
    expect(messages(version)).toEqual([]);
    expect(messages({ ...version, evidence: { originals: [], agreement: "certain" } })).toHaveLength(1);
  });
});

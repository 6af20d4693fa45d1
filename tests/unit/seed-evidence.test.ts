// The seeded evidence against the readings research (tests/golden/research): every version it
// assessed carries its independent originals and agreement, the rule computes the research's
// confidence from them, and where the dossier's own confidence differs, a reason is on file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { currentVersion } from "@/lib/cells/current";
import { computedConfidence, type TEvidence } from "@/lib/cells/confidence";
import { ROOT } from "@/tests/support/paths";

type TVersion = {
  issue: string;
  party: string;
  asOf: string | null;
  confidence: string;
  confidenceReason?: string;
  evidence?: TEvidence;
  retracts?: string | null;
};
type TAssessed = { originals: string[]; agreement: string; computed: string };
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as T;
const research = read<{ confidence: (TAssessed & { issue: string; party: string; earlier_versions?: TAssessed[] })[] }>(
  "tests/golden/research/ukraine-peace-2025-readings.json",
);
const seed = read<{ parties: { slug: string; date: string }[]; positions: TVersion[] }>("prisma/seed-data/ukraine-peace-2025.json");
const PARTY: Record<string, string> = { "us-28": "us-draft", "geneva-framework": "revised-framework", "e3-counter": "europe" };
/**
 * The European cells the research counted before the two European documents were split: it pooled the E3 text's
 * original (Reuters) with the 24-point plan's (The Telegraph, The Washington Post). The E3 column now holds the Reuters
 * text alone, one original whose readings agree; the 24-point plan's originals are on its own column.
 */
const SPLIT = new Set(["army-cap", "g8", "znpp", "foreign-troops", "sanctions"].map((issue) => `${issue} × europe`));
const assessedAs = (cell: string, c: TAssessed): TAssessed =>
  SPLIT.has(cell) ? { originals: ["Reuters"], agreement: "high", computed: "medium" } : c;

describe("the seeded evidence against the readings research", () => {
  it("gives every cell's current version the research's originals and agreement, and the rule its computed confidence", () => {
    expect(research.confidence).toHaveLength(78);
    for (const c of research.confidence) {
      const party = PARTY[c.party] ?? c.party;
      const versions = seed.positions.filter((p) => p.issue === c.issue && p.party === party);
      const current = currentVersion(
        versions.map((v) => ({ ...v, retracts: v.retracts ?? null })),
        seed.parties.find((p) => p.slug === party)!.date,
      )!;
      const cell = `${c.issue} × ${party}`;
      const { originals, agreement, computed } = assessedAs(cell, c);
      expect({ cell, evidence: current.evidence }).toEqual({ cell, evidence: { originals, agreement } });
      expect({ cell, computed: computedConfidence(current.evidence ?? null) }).toEqual({ cell, computed });
    }
  });

  it("assesses the earlier versions the research assessed, and gives a reason wherever the dossier's confidence differs", () => {
    const assessed = seed.positions.filter((p) => p.evidence);
    // The 24-point plan's 13 cells are assessed too (amnesty, not found, on no original: low by the rule).
    expect(assessed.length).toBe(78 + 13 + research.confidence.reduce((sum, c) => sum + (c.earlier_versions?.length ?? 0), 0));
    const differing = assessed.filter((p) => computedConfidence(p.evidence!) !== p.confidence);
    expect(differing.filter((p) => !p.confidenceReason)).toEqual([]);
    expect(assessed.filter((p) => p.confidenceReason && computedConfidence(p.evidence!) === p.confidence)).toEqual([]);
    // The research counts 38 current versions whose rating differs from the rule's; the European text's elections and
    // amnesty cells, "not found" when it counted, now hold the lineage research's readings at the rule's confidence: 36.
    const current = research.confidence.map((c) => {
      const party = PARTY[c.party] ?? c.party;
      return currentVersion(
        seed.positions.filter((p) => p.issue === c.issue && p.party === party).map((v) => ({ ...v, retracts: v.retracts ?? null })),
        seed.parties.find((p) => p.slug === party)!.date,
      )!;
    });
    expect(current.filter((v) => computedConfidence(v.evidence ?? null) !== v.confidence)).toHaveLength(36);
  });
});

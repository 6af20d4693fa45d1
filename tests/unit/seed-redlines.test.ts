// The seeded red lines against the red-lines research (tests/golden/research): every party's
// current span, basis, start, quote and sources as the research gives them, nothing where it gives
// none, and the earlier spans its records of change name. The research's two optional actors apart
// from the documents (US and European officials) are not columns of the dossier and are left out.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lineOn } from "@/lib/redlines/line";
import { ROOT } from "@/tests/support/paths";

type TLine = {
  issue: string;
  party: string;
  min: number;
  max: number;
  basis: string;
  validFrom: string | null;
  quote: string | null;
  sources: { url: string | null }[];
};
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as T;
const research = read<{
  red_lines: {
    party: string;
    issue: string;
    min: number | null;
    max: number | null;
    basis: string | null;
    valid_from: string | null;
    quote: string | null;
    sources: { url: string | null }[];
    changes: { date: string; from: { min: number; max: number } | null }[];
  }[];
}>("tests/golden/research/ukraine-peace-2025-redlines.json");
const seed = read<{ redLines: TLine[] }>("prisma/seed-data/ukraine-peace-2025.json");
const PARTIES: Record<string, string> = {
  "us-28": "us-draft",
  "geneva-framework": "revised-framework",
  "e3-counter": "europe",
  "twenty-point": "twenty-point",
  russia: "russia",
  ukraine: "ukraine",
};

describe("the seeded red lines against their research", () => {
  const ours = (party: string, issue: string) => seed.redLines.filter((l) => l.party === party && l.issue === issue);

  it("give every party's current span as the research does, and none where it gives none", () => {
    const differences = [];
    for (const r of research.red_lines.filter((l) => l.party in PARTIES)) {
      const party = PARTIES[r.party]!;
      const current = lineOn(ours(party, r.issue), null);
      const expected =
        r.min === null
          ? undefined
          : { min: r.min, max: r.max, basis: r.basis, validFrom: r.valid_from, quote: r.quote, sources: r.sources.map((s) => s.url) };
      const actual = current && {
        min: current.min,
        max: current.max,
        basis: current.basis,
        validFrom: current.validFrom,
        quote: current.quote,
        sources: current.sources.map((s) => s.url),
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push({ line: `${r.issue} × ${party}`, expected, actual });
    }
    expect(differences).toEqual([]);
    expect(seed.redLines.filter((l) => !Object.values(PARTIES).includes(l.party))).toEqual([]);
  });

  it("keep the span before each change the research records, with its start not on file", () => {
    for (const r of research.red_lines.filter(
      (l) => l.party in PARTIES && l.changes[0]?.from && l.changes[0].date.slice(0, 10) <= l.valid_from!,
    )) {
      const earliest = lineOn(ours(PARTIES[r.party]!, r.issue), "0000-01-01");
      expect([r.issue, r.party, earliest && { min: earliest.min, max: earliest.max, validFrom: earliest.validFrom }]).toEqual([
        r.issue,
        r.party,
        { ...r.changes[0]!.from, validFrom: null },
      ]);
    }
  });
});

// The seeded 24-point European plan and the competing readings against the readings research
// (tests/golden/research): the plan's column holds what the research read in it, and the E3 column
// keeps the Reuters text, so the two documents no longer make one cell look contested.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "@/tests/support/paths";
import { agreementOf, isContested, rangeOf } from "@/lib/cells/readings";
import type { TEvidence } from "@/lib/cells/confidence";

type TReading = { rank: string; score: number | null; status: string; quote: string | null; sources: { url: string }[] };
type TContested = {
  issue: string;
  party: string;
  seed_version_as_of: string;
  readings: TReading[];
  range: { min: number | null; max: number | null };
  agreement: string;
};
type TStatus = "stated" | "reported" | "undisclosed" | "no_position";
type TSeedReading = {
  rank: "normal" | "deprecated";
  score: number | null;
  status: TStatus;
  quote: string | null;
  reason: string;
  sources: { url: string }[];
};
type TVersion = {
  issue: string;
  party: string;
  asOf: string | null;
  score: number | null;
  status: TStatus;
  summary: string;
  quote: string | null;
  sources: { url: string | null }[];
  readings?: TSeedReading[];
  preferredReason?: string;
  evidence?: TEvidence;
};
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as T;
const research = read<{ contested: TContested[]; checked_not_contested: { cell: string; result: string }[] }>(
  "tests/golden/research/ukraine-peace-2025-readings.json",
);
const seed = read<{ parties: { slug: string; kind: string; date: string }[]; positions: TVersion[] }>(
  "prisma/seed-data/ukraine-peace-2025.json",
);
const versionsOf = (issue: string, party: string) => seed.positions.filter((p) => p.issue === issue && p.party === party);
const only = (issue: string, party: string) => {
  const versions = versionsOf(issue, party);
  expect({ cell: `${issue} × ${party}`, versions: versions.length }).toEqual({ cell: `${issue} × ${party}`, versions: 1 });
  return versions[0]!;
};

/** The European cells whose only dispute was which document is the European text. */
const SPLIT = research.contested.filter((c) => c.party === "e3-counter");
/** The research's party slugs as the dossier names them. */
const PARTY: Record<string, string> = { "geneva-framework": "revised-framework", russia: "russia", ukraine: "ukraine" };
/** As the dossier reads it: a version with its competing readings (none when the file gives none). */
/** As the rules read it: the version's step and status, and its competing readings' (none when the file gives none). */
const asCell = (v: TVersion) => ({ score: v.score, status: v.status, readings: v.readings ?? [] });
/** The cells where the research finds the 24-point plan on the E3 text's step. */
const SAME_STEP = ["nato", "donbas", "crimea", "zaporizhzhia-kherson", "security-guarantees", "frozen-assets", "elections"];

describe("the 24-point European plan's column", () => {
  it("is a document column beside the E3 text, dated the day The Telegraph published it", () => {
    const slugs = seed.parties.map((p) => p.slug);
    expect(slugs.indexOf("europe-24")).toBe(slugs.indexOf("europe") + 1);
    expect(seed.parties.find((p) => p.slug === "europe-24")).toMatchObject({ kind: "document", date: "2025-11-23" });
  });

  it("holds the research's competing reading wherever the two European documents differ, and the E3 column its preferred one", () => {
    expect(SPLIT.map((c) => c.issue).sort()).toEqual(["army-cap", "foreign-troops", "g8", "sanctions", "znpp"]);
    for (const c of SPLIT) {
      const preferred = c.readings.find((r) => r.rank === "preferred")!;
      const other = c.readings.find((r) => r.rank === "normal")!;
      const plan = only(c.issue, "europe-24");
      expect({ cell: c.issue, score: plan.score }).toEqual({ cell: c.issue, score: other.score });
      // The quote is the research's, or (G8) its last sentence.
      expect(other.quote!.includes(plan.quote!)).toBe(true);
      // Every source the plan's cell cites is one the research cites for that reading.
      expect(plan.sources.filter((s) => !other.sources.some((o) => o.url === s.url))).toEqual([]);
      expect({ cell: c.issue, score: only(c.issue, "europe").score }).toEqual({ cell: c.issue, score: preferred.score });
    }
  });

  it("is on the E3 text's step where the research finds them agreeing, and unknown where it found nothing", () => {
    expect(research.checked_not_contested.find((c) => c.cell.includes("Telegraph 24-point"))!.result).toBe("not contested");
    // The E3 text's latest version (its elections cell was filled later, from the lineage research).
    for (const issue of SAME_STEP)
      expect({ issue, score: only(issue, "europe-24").score }).toEqual({ issue, score: versionsOf(issue, "europe").at(-1)!.score });
    expect(only("amnesty", "europe-24")).toMatchObject({ score: null, status: "undisclosed", sources: [] });
  });
});

describe("the competing readings", () => {
  const remaining = research.contested.filter((c) => c.party !== "e3-counter");

  it("are on the four contested cells that remain once the 24-point plan has its column, on the versions the research names", () => {
    expect(remaining.map((c) => `${c.issue} × ${PARTY[c.party]}`).sort()).toEqual([
      "army-cap × revised-framework",
      "donbas × revised-framework",
      "donbas × ukraine",
      "nato × revised-framework",
    ]);
    for (const c of remaining) {
      const versions = versionsOf(c.issue, PARTY[c.party]!).filter((v) => v.readings?.length);
      expect({ cell: `${c.issue} × ${c.party}`, asOf: versions.map((v) => v.asOf) }).toEqual({
        cell: `${c.issue} × ${c.party}`,
        asOf: [c.seed_version_as_of],
      });
    }
    // No other version has a competing reading.
    expect(seed.positions.filter((v) => v.readings?.length)).toHaveLength(remaining.length);
  });

  it("give the research's competing reading with its score, quote and sources, the research's range and agreement, and a reason for each rank", () => {
    for (const c of remaining) {
      const version = versionsOf(c.issue, PARTY[c.party]!).find((v) => v.asOf === c.seed_version_as_of)!;
      const theirs = c.readings.find((r) => r.rank === "normal")!;
      const [mine] = version.readings!;
      const cell = `${c.issue} × ${c.party}`;
      expect({ cell, score: mine!.score, quote: mine!.quote, rank: mine!.rank }).toEqual({
        cell,
        score: theirs.score,
        quote: theirs.quote,
        rank: "normal",
      });
      expect(mine!.sources.map((s) => s.url)).toEqual(theirs.sources.map((s) => s.url));
      expect(version.preferredReason).toBeTruthy();
      expect(mine!.reason).toBeTruthy();
      // The version's own content is the research's preferred reading.
      expect(version.score).toBe(c.readings.find((r) => r.rank === "preferred")!.score);
      const read = asCell(version);
      expect({ cell, contested: isContested(read), range: rangeOf(read) ?? { min: null, max: null } }).toEqual({
        cell,
        contested: true,
        range: c.range,
      });
      expect({ cell, agreement: agreementOf(read), stored: version.evidence!.agreement }).toEqual({
        cell,
        agreement: c.agreement,
        stored: c.agreement,
      });
    }
  });
});

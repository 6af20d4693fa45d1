// The seeded 24-point European plan and the competing readings against the readings research
// (tests/golden/research): the plan's column holds what the research read in it, and the E3 column
// keeps the Reuters text, so the two documents no longer make one cell look contested.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "@/tests/support/paths";

type TReading = { rank: string; score: number | null; status: string; quote: string | null; sources: { url: string }[] };
type TContested = { issue: string; party: string; readings: TReading[] };
type TVersion = {
  issue: string;
  party: string;
  asOf: string | null;
  score: number | null;
  status: string;
  quote: string | null;
  sources: { url: string | null }[];
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

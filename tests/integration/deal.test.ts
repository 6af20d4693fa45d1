// Where a deal could land, through the real route handlers on the seeded dossiers: the zones of
// Russia and Ukraine are what the research's red lines imply, now and as of 1 Dec 2025 (before
// Ukraine's NATO line moved); a package's closeness and breaches follow the formula and the lines.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as getPackage } from "@/app/api/negotiations/[slug]/package/route";
import { GET as getZones } from "@/app/api/negotiations/[slug]/zones/route";
import { GET as getZonesCsv } from "@/app/negotiations/[slug]/zones.csv/route";
import { ZPackageJson, ZZonesJson } from "@/lib/formats/deal";
import { ROOT } from "@/tests/support/paths";
import { readMatrixJson } from "@/tests/support/routes";

const SLUG = "ukraine-peace-2025";
const context = (slug: string) => ({ params: Promise.resolve({ slug }) });
const zones = async (query: string, slug = SLUG) => {
  const response = await getZones(new Request(`http://localhost/api/negotiations/${slug}/zones${query}`), context(slug));
  expect(response.status).toBe(200);
  return ZZonesJson.parse(await response.json());
};
const scorePackage = async (query: string) => {
  const response = await getPackage(new Request(`http://localhost/api/negotiations/${SLUG}/package${query}`), context(SLUG));
  expect(response.status).toBe(200);
  return ZPackageJson.parse(await response.json());
};

type TSpanPair = { min: number; max: number };
type TResearchLine = {
  party: string;
  issue: string;
  min: number | null;
  max: number | null;
  valid_from: string | null;
  changes: { date: string; from: TSpanPair | null; to: TSpanPair }[];
};
const research = JSON.parse(readFileSync(path.join(ROOT, "tests/golden/research/ukraine-peace-2025-redlines.json"), "utf8")) as {
  red_lines: TResearchLine[];
  overlap: { issue: string; overlap: boolean | null; gap_steps: number | null }[];
};

/** A party's span on a day as the research's record implies it: the current one once it holds, else the last change by then, else the span before the first change. */
function researchSpan(party: string, issue: string, day: string | null): [number, number] | null {
  const line = research.red_lines.find((l) => l.party === party && l.issue === issue);
  if (!line || line.min === null) return null;
  if (day === null || line.valid_from! <= day) return [line.min, line.max!];
  const past = line.changes.filter((c) => c.date.slice(0, 10) <= day);
  const span = past.length > 0 ? past.at(-1)!.to : line.changes[0]?.from;
  return span ? [span.min, span.max] : null;
}

describe("the zones of Russia and Ukraine", () => {
  for (const [day, query] of [
    [null, ""],
    ["2025-12-01", "?asOf=2025-12-01"],
  ] as const) {
    it(`give on every issue the overlap or the gap that the research's red lines imply${day ? `, as of ${day}` : ""}`, async () => {
      const body = await zones(`${query}${query ? "&" : "?"}parties=russia,ukraine`);
      expect(body.parties).toEqual(["russia", "ukraine"]);
      expect(body.issues).toHaveLength(13);
      for (const issue of body.issues) {
        const ukraine = researchSpan("ukraine", issue.issue, day);
        const russia = researchSpan("russia", issue.issue, day);
        const served = (party: string) => issue.lines.find((l) => l.party === party);
        expect([issue.issue, served("ukraine") && [served("ukraine")!.min, served("ukraine")!.max]]).toEqual([
          issue.issue,
          ukraine ?? undefined,
        ]);
        expect([issue.issue, served("russia") && [served("russia")!.min, served("russia")!.max]]).toEqual([
          issue.issue,
          russia ?? undefined,
        ]);
        if (!ukraine || !russia) {
          expect(issue.unknown.length).toBeGreaterThan(0);
          expect([issue.overlap, issue.gap]).toEqual([null, null]);
        } else if (russia[0] > ukraine[1]) {
          expect(issue.gap).toEqual({ steps: russia[0] - ukraine[1], low: "ukraine", high: "russia" });
          expect(issue.overlap).toBeNull();
        } else expect(issue.overlap).toEqual({ min: Math.max(ukraine[0], russia[0]), max: Math.min(ukraine[1], russia[1]) });
      }
      if (day === null) {
        // The research's own overlap table, issue by issue.
        for (const row of research.overlap) {
          const issue = body.issues.find((i) => i.issue === row.issue)!;
          expect([row.issue, issue.gap?.steps ?? null]).toEqual([row.issue, row.gap_steps]);
        }
        expect(body.summary).toBe("No overlap on 9 of 9 assessable issues; gaps 1–3 steps; 4 issues cannot be assessed.");
      } else {
        const nato = body.issues.find((i) => i.issue === "nato")!;
        expect(nato.lines.find((l) => l.party === "ukraine")).toMatchObject({ min: -2, max: -1, asOf: null });
        expect(nato.gap).toEqual({ steps: 3, low: "ukraine", high: "russia" });
      }
    });
  }

  it("default to the actors, carry each line's basis, words and sources, and export the same as CSV", async () => {
    const body = await zones("");
    expect(body.parties).toEqual(["russia", "ukraine"]);
    const nato = body.issues.find((i) => i.issue === "nato")!;
    expect(nato.lines.find((l) => l.party === "ukraine")).toMatchObject({
      basis: "stated",
      asOf: "2025-12-14",
      quote: "And this is already a compromise on our part.",
    });
    expect(nato.lines.every((l) => l.sources.length > 0)).toBe(true);
    const csv = await (await getZonesCsv(new Request(`http://localhost/negotiations/${SLUG}/zones.csv`), context(SLUG))).text();
    expect(csv).toContain("issue,party,min,max,basis,as_of,overlap_min,overlap_max,gap_steps\r\n");
    expect(csv).toContain("nato,ukraine,-2,0,stated,2025-12-14,,,2\r\n");
    expect(csv).toContain("g8,russia,,,,,,,\r\n");
  });

  it("show COP30's only spans, the options its first draft kept open, and 404 for an unknown negotiation", async () => {
    const body = await zones("", "cop30-belem-2025");
    expect(body.issues.every((i) => i.lines.length === 0 && i.unknown.length === 6)).toBe(true);
    expect(body.summary).toMatch(/^No issue can be assessed/);
    const draft = await zones("?parties=mutirao-draft-1", "cop30-belem-2025");
    expect(draft.issues.map((i) => [i.issue, i.overlap])).toEqual([
      ["fossil-roadmap", { min: -2, max: 0 }],
      ["adaptation-finance", { min: -1, max: 2 }],
      ["ndc-response", { min: -1, max: 1 }],
      ["trade-measures", { min: 0, max: 2 }],
      ["article-9-1", null],
      ["just-transition-mechanism", null],
      ["gga-indicators", null],
      ["deforestation-roadmap", { min: -2, max: 0 }],
    ]);
    expect(draft.issues[0]!.lines[0]).toMatchObject({ basis: "reported", asOf: "2025-11-18" });
    const missing = await getZones(new Request("http://localhost/api/negotiations/nope/zones"), context("nope"));
    expect(missing.status).toBe(404);
  });
});

describe("a package scored against every party", () => {
  it("follows the formula for every party, lists the red lines it breaches apart, and every swap it lists helps", async () => {
    const query = "?steps=nato:0,donbas:-1,crimea:1,elections:0&weights=donbas:2";
    const body = await scorePackage(query);
    expect(body.package).toEqual([
      { issue: "nato", score: 0, weight: 1 },
      { issue: "donbas", score: -1, weight: 2 },
      { issue: "crimea", score: 1, weight: 1 },
      { issue: "elections", score: 0, weight: 1 },
    ]);
    const matrix = await readMatrixJson(SLUG);
    const lines = await zones(`?parties=${matrix.parties.map((p) => p.slug).join(",")}`);
    for (const party of body.parties) {
      const known = body.package.flatMap((item) => {
        const score = matrix.positions.find((p) => p.issue === item.issue && p.party === party.party)!.score;
        return score === null ? [] : [{ ...item, party: score }];
      });
      const total = known.reduce((s, k) => s + k.weight, 0);
      const expected = total === 0 ? null : known.reduce((s, k) => s + k.weight * (1 - Math.abs(k.score - k.party) / 4), 0) / total;
      if (expected === null) expect(party.closeness).toBeNull();
      else expect(party.closeness).toBeCloseTo(expected, 12);
      const breached = body.package.filter((item) => {
        const line = lines.issues.find((i) => i.issue === item.issue)!.lines.find((l) => l.party === party.party);
        return line && (item.score < line.min || item.score > line.max);
      });
      expect([party.party, party.breaches.map((b) => b.issue)]).toEqual([party.party, breached.map((b) => b.issue)]);
    }
    // With Russia and Ukraine at opposite ends, no swap helps one without hurting the other; between the US draft and Russia some do.
    expect(body.improvements).toEqual([]);
    const pair = await scorePackage(`${query}&parties=us-draft,russia`);
    expect(pair.improvements.length).toBeGreaterThan(0);
    for (const swap of pair.improvements) {
      const swapped = await scorePackage(
        `${query.replace(`${swap.issue}:${swap.from}`, `${swap.issue}:${swap.to}`)}&parties=us-draft,russia`,
      );
      for (const party of pair.parties) {
        const after = swapped.parties.find((p) => p.party === party.party)!.closeness;
        if (party.closeness === null) continue;
        expect(after! + 1e-9).toBeGreaterThanOrEqual(party.closeness);
        if (swap.helps.includes(party.party)) expect(after!).toBeGreaterThan(party.closeness);
      }
    }
  });

  it("scores a document's own package as 1 against itself, and ignores what it cannot read with a notice", async () => {
    const matrix = await readMatrixJson(SLUG);
    const own = matrix.positions.filter((p) => p.party === "twenty-point" && p.score !== null);
    const body = await scorePackage(`?steps=${own.map((p) => `${p.issue}:${p.score}`).join(",")}`);
    expect(body.parties.find((p) => p.party === "twenty-point")!.closeness).toBeCloseTo(1, 12);
    const odd = await scorePackage("?steps=nato:3,nope:0,g8:1,g8:2&weights=g8:5,nato:2");
    expect(odd.package).toEqual([{ issue: "g8", score: 1, weight: 1 }]);
    expect(odd.notices).toEqual([
      "Ignored step “nato:3”: a step is a whole number from −2 to +2.",
      "Ignored step “nope:0”: no issue of this view is called “nope”.",
      "Ignored step “g8:2”: the package already has a step for this issue.",
      "Ignored weight “g8:5”: a weight is 0.5, 1 or 2.",
      "Ignored weight “nato:2”: the package has no step for “nato”.",
    ]);
  });
});

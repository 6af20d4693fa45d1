// The data package of a view: a zip whose datapackage.json passes Frictionless Data's own validation
// (the datapackage library and the profiles it ships), and whose CSVs read back, cast, against
// their Table Schemas.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Package } from "datapackage";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/negotiations/[slug]/datapackage.zip/route";
import { LONG_COLUMNS } from "@/lib/formats/csv";
import { LONG_FIELDS } from "@/lib/formats/data-package";
import { parseNegotiationInput } from "@/lib/write/dossier-schema";
import { ROOT, TMP } from "@/tests/support/paths";

const SLUG = "ukraine-peace-2025";
const seed = parseNegotiationInput(JSON.parse(readFileSync(path.join(ROOT, "prisma", "seed-data", `${SLUG}.json`), "utf8")));
const seedCounts = {
  versions: seed.positions.length,
  points: seed.drafts.reduce((sum, d) => sum + d.points.length, 0),
  links: seed.links.length,
};

async function loadPackage(query: string, folder: string) {
  const response = await GET(new Request(`http://localhost/negotiations/${SLUG}/datapackage.zip${query}`), {
    params: Promise.resolve({ slug: SLUG }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/zip");
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  const dir = path.join(TMP, folder);
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  return { response, files, dataPackage: await Package.load(path.join(dir, "datapackage.json")) };
}

describe("GET /negotiations/{slug}/datapackage.zip", () => {
  it("is a valid tabular data package whose every CSV reads back against its Table Schema", async () => {
    const { response, files, dataPackage } = await loadPackage("", "package-latest");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ukraine-peace-2025_2026-01-08_datapackage.zip"');
    expect(Object.keys(files).sort()).toEqual([
      "datapackage.json",
      "events.csv",
      "facts.csv",
      "issues.csv",
      "links.csv",
      "matrix-long.csv",
      "matrix-wide.csv",
      "points.csv",
      "readings.csv",
      "sources.csv",
      "versions.csv",
    ]);
    expect(dataPackage.errors).toEqual([]);
    expect(dataPackage.valid).toBe(true);
    expect(dataPackage.descriptor.profile).toBe("tabular-data-package");
    expect(dataPackage.descriptor).toMatchObject({
      title: "Russia–Ukraine peace talks, Nov–Dec 2025",
      version: expect.stringMatching(/^\d+-\d+$/),
      licenses: [expect.objectContaining({ name: "CC-BY-4.0" })],
      sources: expect.arrayContaining([expect.objectContaining({ path: "https://tass.com/politics/1967401" })]),
    });
    const rows = Object.fromEntries(
      await Promise.all(dataPackage.resources.map(async (r) => [r.name, await r.read({ keyed: true, cast: true })] as const)),
    );
    expect(rows["matrix-long"]).toHaveLength(91);
    expect(rows["matrix-wide"]).toHaveLength(13);
    expect(rows["versions"]).toHaveLength(seedCounts.versions);
    // The lineage: every point of every draft, and every link, as the seed file holds them.
    expect(rows["points"]).toHaveLength(seedCounts.points);
    expect(rows["links"]).toHaveLength(seedCounts.links);
    expect(rows["points"]!.filter((r) => r.draft === "europe" && r.never_seen === true)).toHaveLength(9);
    expect(rows["links"]!.find((r) => r.from_draft === "us-draft" && r.from_point === "26" && r.to_draft === "twenty-point")).toMatchObject(
      {
        change: "deleted",
        to_point: null,
        from_title: "Full amnesty, claims waived",
      },
    );
    // Where sources disagree: the four contested versions, each its own reading (preferred) and one competing reading.
    const readings = rows["readings"]!;
    expect(readings.map((r) => `${r.issue} × ${r.party} ${r.rank} ${r.score}`).sort()).toEqual([
      "army-cap × revised-framework normal -2",
      "army-cap × revised-framework preferred -1",
      "donbas × revised-framework normal 1",
      "donbas × revised-framework preferred null",
      "donbas × ukraine normal -2",
      "donbas × ukraine preferred -1",
      "nato × revised-framework normal null",
      "nato × revised-framework preferred null",
    ]);
    expect(readings.every((r) => typeof r.reason === "string" && r.reason.length > 0 && typeof r.version === "number")).toBe(true);
    const contestedNow = rows["matrix-long"]!.filter((r) => r.contested === true);
    // The latest view: the Geneva framework's army cap still holds its contested version; the other three were superseded.
    expect(contestedNow.map((r) => [r.issue, r.party, r.score_min, r.score_max])).toEqual([["army-cap", "revised-framework", -2, -1]]);
    expect(rows["events"]).toHaveLength(46);
    expect(rows["facts"]).toHaveLength(3);
    // Every issue with the words of its five steps; a step with no documented option is named as interpolated.
    expect(rows["issues"]).toHaveLength(13);
    expect(rows["issues"]!.find((r) => r.issue === "army-cap")).toMatchObject({
      step_minus2: "No limit on Ukraine's forces",
      step_minus1: "About 800,000 troops in peacetime",
      step_plus2: "Tight cap on Ukraine's forces",
      interpolated_steps: "0",
    });
    // Unknown scores stay unknown (null), never 0; numbers are numbers.
    const g8 = rows["matrix-long"]!.filter((r) => r.issue === "g8");
    expect(g8.map((r) => r.score)).toEqual([2, null, 2, null, null, null, null]);
    const nato = rows["versions"]!.filter((r) => r.issue === "nato" && r.party === "ukraine");
    expect(nato.map((r) => [r.valid_from, r.valid_to, r.score, r.event])).toEqual([
      ["2025-11-20", null, -2, "draft-reaches-kyiv"],
      ["2025-12-14", null, 0, "berlin-talks"],
      ["2025-12-18", "2025-12-24", -1, "zelensky-nato-constitution"],
    ]);
  });

  it("follows the view's filters and date", async () => {
    const { dataPackage } = await loadPackage("?asOf=2025-11-22&issues=nato,g8", "package-early");
    expect(dataPackage.valid).toBe(true);
    const read = (name: string) => dataPackage.getResource(name)!.read({ keyed: true, cast: true });
    // On 22 Nov only the US draft, Russia and Ukraine: 2 issues × 3 parties; no version recorded later.
    expect(await read("matrix-long")).toHaveLength(6);
    const versions = await read("versions");
    expect(versions.every((v) => String(v.valid_from) <= "2025-11-22")).toBe(true);
    expect((await read("events")).every((e) => String(e.date) <= "2025-11-22")).toBe(true);
    expect(dataPackage.descriptor.description).toContain("as it stood on 2025-11-22");
  });

  it("describes the long layout's columns in order, and answers 404 JSON to an unknown negotiation", async () => {
    expect(LONG_FIELDS.map((f) => f.name)).toEqual([...LONG_COLUMNS]);
    const missing = await GET(new Request("http://localhost/negotiations/nope/datapackage.zip"), {
      params: Promise.resolve({ slug: "nope" }),
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "No negotiation is called “nope”." });
  });
});

import { parse } from "csv-parse/sync";
import { describe, expect, it, vi } from "vitest";
import { sql } from "kysely";
import { getDb } from "@/lib/db/connection";
import { callCsv as callCsvOf, callJson as callJsonOf, readCsvText, readMatrixJson } from "@/tests/support/routes";

const SLUG = "ukraine-peace-2025";
const BOM = "\uFEFF";
const callCsv = (query: string, slug = SLUG) => callCsvOf(slug, query);
const callJson = (query: string, slug = SLUG) => callJsonOf(slug, query);

describe("GET matrix.csv", () => {
  it("serves the wide layout as exact RFC 4180 text with headers for a download, as of a day", async () => {
    const response = await callCsv("?issues=g8,nato&parties=us-draft,ukraine&sort=issue&asOf=2025-12-01");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ukraine-peace-2025_asof-2025-12-01_wide.csv"');
    const text = await readCsvText(response);
    expect(text).toBe(
      "\uFEFFissue,us-draft_score,us-draft_position,ukraine_score,ukraine_position\r\n" +
        "g8,2,Russia would be invited to rejoin the G8.,,No Ukrainian statement on G8 readmission from late 2025 was found.\r\n" +
        'nato,2,Ukraine would put NATO non-membership in its constitution and NATO would add a charter provision never to admit it; that NATO will not expand further is stated as an expectation.,-2,"Insists on its sovereign right to choose alliances and, per reports from the Florida talks, again declined to give up NATO membership."\r\n',
    );
  });

  it("serves the long layout, one row per cell", async () => {
    const response = await callCsv("?layout=long&issues=g8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ukraine-peace-2025_2026-01-08_long.csv"');
    const rows = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.party, r.score, r.status])).toEqual([
      ["us-draft", "2", "reported"],
      ["revised-framework", "", "undisclosed"],
      ["europe", "2", "reported"],
      ["europe-24", "", "undisclosed"],
      ["russia", "", "stated"],
      ["ukraine", "", "no_position"],
      ["twenty-point", "", "undisclosed"],
    ]);
  });

  it.each([["?layout=tall"], ["?layout="]])("answers 400 to an unknown layout %s", async (query) => {
    const response = await callCsv(query);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Unknown layout; use one of: wide, long." });
  });

  it("answers 404 JSON to an unknown negotiation", async () => {
    const response = await callCsv("", "no-such-talks");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "No negotiation is called “no-such-talks”." });
  });
});

describe("GET /api/negotiations/[slug]/matrix", () => {
  it("returns the filtered view with slugs as keys", async () => {
    const body = await readMatrixJson(SLUG, "?issues=crimea&parties=europe,russia&sort=divergence&anchors=include");
    expect(body.issues.map((i) => [i.slug, i.spread])).toEqual([["crimea", 3]]);
    // By default Russia, the scale's high anchor, is left out of spread: Europe alone has none.
    const byDefault = await readMatrixJson(SLUG, "?issues=crimea&parties=europe,russia");
    expect(byDefault.issues.map((i) => [i.slug, i.scored, i.spread])).toEqual([["crimea", 1, null]]);
    expect(body.parties.map((p) => [p.slug, p.kind])).toEqual([
      ["europe", "document"],
      ["russia", "actor"],
    ]);
    expect(body.positions.map((p) => [p.issue, p.party, p.score])).toEqual([
      ["crimea", "europe", -1],
      ["crimea", "russia", 2],
    ]);
    expect(body.positions[0]?.sources[0]?.url).toMatch(/^https?:\/\//);
    expect(body.notices).toEqual([]);
  });

  it("reports ignored filters instead of failing", async () => {
    const body = await readMatrixJson(SLUG, "?issues=nato,<script>&sort=%00");
    expect(body.issues.map((i) => i.slug)).toEqual(["nato"]);
    expect(body.notices).toEqual(["Ignored unknown issue: “<script>”.", "Ignored unknown sort “\u0000”; using the default order."]);
  });

  it("answers 404 JSON to an unknown negotiation", async () => {
    const response = await callJson("", "nope");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "No negotiation is called “nope”." });
  });
});

describe("the CSV and the JSON agree under any filter", () => {
  it.each([
    [""],
    ["?issues=nato,g8,amnesty"],
    ["?parties=revised-framework"],
    ["?q=sanctions&sort=divergence"],
    ["?q=zzzz-no-match"],
    ["?issues=donbas,crimea&parties=russia,ukraine,europe&sort=issue&q=recogn"],
  ])("%s", async (query) => {
    const json = await readMatrixJson(SLUG, query);
    const joiner = query ? "&" : "?";
    const long = parse(await (await callCsv(`${query}${joiner}layout=long`)).text(), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const wide = parse(await (await callCsv(query)).text(), { bom: true }) as string[][];
    const fromJson = json.positions.map((p) => [p.issue, p.party, p.score === null ? "" : String(p.score), p.status]);
    expect(long.map((r) => [r.issue, r.party, r.score, r.status])).toEqual(fromJson);
    expect(wide.slice(1).map((row) => row[0])).toEqual(json.issues.map((i) => i.slug));
    expect(wide[0]).toEqual(["issue", ...json.parties.flatMap((p) => [`${p.slug}_score`, `${p.slug}_position`])]);
  });
});

describe("the fixture's CSV, exactly", () => {
  it("wide: one row per issue, a score and a position column per party", async () => {
    expect(await readCsvText(await callCsv("?issues=beta,gamma&parties=b,c", "fixture"))).toBe(
      `${BOM}issue,b_score,b_position,c_score,c_position\r\n` +
        `beta,,Not disclosed.,1,'=C also leans high\r\n` +
        `gamma,-1,"B leans low, with a comma, and a\nnewline.",2,'@C wants the high end\r\n`,
    );
  });

  it("long: one row per cell with status, sources and URLs", async () => {
    const rows = parse(await (await callCsv("?issues=beta,gamma&parties=b,c&layout=long", "fixture")).text(), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((r) => [r.issue, r.party, r.score, r.status])).toEqual([
      ["beta", "b", "", "undisclosed"],
      ["beta", "c", "1", "reported"],
      ["gamma", "b", "-1", "reported"],
      ["gamma", "c", "2", "reported"],
    ]);
    expect(rows[1]).toMatchObject({
      issue_name: "Beta issue",
      party_name: "Party C",
      confidence: "high",
      as_of: "2025-11-20",
      label: "'=C also leans",
      sources: "Fixture source — Example, 20 Nov 2025 <https://example.org/a>",
      source_urls: "https://example.org/a",
    });
    expect(rows[0]?.sources).toBe("");
  });

  it("JSON: the fixture's cells with their sources, in screen order (columns in dossier order)", async () => {
    const body = await readMatrixJson("fixture", "?issues=gamma&parties=c,b");
    expect(body.positions).toEqual([
      expect.objectContaining({ issue: "gamma", party: "b", score: -1 }),
      {
        issue: "gamma",
        party: "c",
        label: "@C wants the",
        summary: "@C wants the high end",
        score: 2,
        status: "reported",
        confidence: "high",
        asOf: "2025-11-20",
        quote: null,
        notes: null,
        confidenceReason: null,
        evidence: null,
        sources: [
          {
            title: "Fixture source",
            publisher: "Example",
            url: "https://example.org/a",
            publishedAt: "2025-11-20",
            isDateApproximate: false,
            note: null,
            kind: "original",
            relays: null,
            kindNote: null,
            flags: [],
          },
        ],
        // No competing reading: its own content is its one reading (not repeated), not contested, and its range is its score.
        readings: [],
        contested: false,
        range: { min: 2, max: 2 },
      },
    ]);
    expect(body.issues).toEqual([
      {
        slug: "gamma",
        name: "Gamma issue",
        description: "Third.",
        sortOrder: 2,
        isCore: false,
        lowLabel: "Low G",
        highLabel: "High G",
        steps: [
          { score: -2, label: "Low G", interpolated: false },
          { score: -1, label: null, interpolated: false },
          { score: 0, label: null, interpolated: false },
          { score: 1, label: null, interpolated: false },
          { score: 2, label: "High G", interpolated: false },
        ],
        scored: 2,
        spread: 3,
        stdev: 1.5,
      },
    ]);
  });
});

describe("an unexpected failure", () => {
  it("answers 500 with a plain JSON error and one log line, not an empty body", async () => {
    await sql`ALTER TABLE "PositionVersionSource" RENAME TO "PositionVersionSourceGone"`.execute(getDb());
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const response of [await callCsv("?layout=long"), await callJson("")]) {
        expect(response.status).toBe(500);
        expect(await response.json()).toEqual({
          error: "Something went wrong on our side while reading the data; nothing in the request caused it.",
        });
      }
      expect(logged).toHaveBeenCalledTimes(2);
    } finally {
      await sql`ALTER TABLE "PositionVersionSourceGone" RENAME TO "PositionVersionSource"`.execute(getDb());
    }
  });
});

describe("GET matrix JSON with a search", () => {
  it("says of each position whether its own texts match (only when there is a search), and the CSV keeps the same rows", async () => {
    const json = await readMatrixJson("fixture", "?q=leans");
    expect(json.positions.map((p) => [p.issue, p.party, p.match])).toEqual([
      ["beta", "a", true],
      ["beta", "b", false],
      ["beta", "c", true],
      ["gamma", "a", false],
      ["gamma", "b", true],
      ["gamma", "c", false],
    ]);
    expect((await readMatrixJson("fixture")).positions.every((p) => p.match === undefined)).toBe(true);
    const csv = parse(await readCsvText(await callCsv("?layout=long&q=leans", "fixture")), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(csv.map((r) => `${r.issue}|${r.party}`)).toEqual(json.positions.map((p) => `${p.issue}|${p.party}`));
  });
});

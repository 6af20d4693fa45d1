import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { GET as getCsv } from "@/app/negotiations/[slug]/matrix.csv/route";
import { GET as getJson } from "@/app/api/negotiations/[slug]/matrix/route";

const BASE = "http://localhost";
const SLUG = "ukraine-peace-2025";

function callCsv(query: string, slug = SLUG) {
  return getCsv(new Request(`${BASE}/negotiations/${slug}/matrix.csv${query}`), { params: Promise.resolve({ slug }) });
}
function callJson(query: string, slug = SLUG) {
  return getJson(new Request(`${BASE}/api/negotiations/${slug}/matrix${query}`), { params: Promise.resolve({ slug }) });
}

describe("GET matrix.csv", () => {
  it("serves the wide layout as exact RFC 4180 text with headers for a download", async () => {
    const response = await callCsv("?issues=g8,nato&parties=us-draft,ukraine&sort=issue");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ukraine-peace-2025_2025-12-02_wide.csv"');
    // Response.text() drops a BOM; decode the bytes as they are sent.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text).toBe(
      "\uFEFFissue,us-draft_score,us-draft_position,ukraine_score,ukraine_position\r\n" +
        "g8,2,Russia is invited back into the G8.,,No Ukrainian statement on G8 readmission from late 2025 was found.\r\n" +
        "nato,2,Ukraine puts NATO non-membership in its constitution and NATO writes a permanent bar into its own rules; further enlargement is ruled out.,-2,\"Insists on its sovereign right to choose alliances and, per reports from the Florida talks, again declined to give up NATO membership.\"\r\n",
    );
  });

  it("serves the long layout, one row per cell", async () => {
    const response = await callCsv("?layout=long&issues=g8");
    expect(response.headers.get("content-disposition")).toContain("_long.csv");
    const rows = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.party, r.score, r.status])).toEqual([
      ["us-draft", "2", "reported"],
      ["revised-framework", "", "undisclosed"],
      ["europe", "2", "reported"],
      ["russia", "", "stated"],
      ["ukraine", "", "no_position"],
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
    const response = await callJson("?issues=crimea&parties=europe,russia&sort=divergence");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.issues.map((i: { slug: string; spread: number }) => [i.slug, i.spread])).toEqual([["crimea", 3]]);
    expect(body.parties.map((p: { slug: string; kind: string }) => [p.slug, p.kind])).toEqual([["europe", "document"], ["russia", "actor"]]);
    expect(body.positions.map((p: { issue: string; party: string; score: number }) => [p.issue, p.party, p.score])).toEqual([
      ["crimea", "europe", -1],
      ["crimea", "russia", 2],
    ]);
    expect(body.positions[0].sources[0]).toEqual({
      title: expect.any(String), publisher: expect.any(String), url: expect.stringMatching(/^https?:\/\//),
      publishedAt: expect.any(String), isDateApproximate: expect.any(Boolean), note: null,
    });
    expect(body.notices).toEqual([]);
  });

  it("reports ignored filters instead of failing", async () => {
    const body = await (await callJson("?issues=nato,<script>&sort=%00")).json();
    expect(body.issues.map((i: { slug: string }) => i.slug)).toEqual(["nato"]);
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
    const json = await (await callJson(query)).json();
    const joiner = query ? "&" : "?";
    const long = parse(await (await callCsv(`${query}${joiner}layout=long`)).text(), { bom: true, columns: true }) as Record<string, string>[];
    const wide = parse(await (await callCsv(query)).text(), { bom: true }) as string[][];
    const fromJson = json.positions.map((p: { issue: string; party: string; score: number | null; status: string }) => [p.issue, p.party, p.score === null ? "" : String(p.score), p.status]);
    expect(long.map((r) => [r.issue, r.party, r.score, r.status])).toEqual(fromJson);
    expect(wide.slice(1).map((row) => row[0])).toEqual(json.issues.map((i: { slug: string }) => i.slug));
    expect(wide[0]).toEqual(["issue", ...json.parties.flatMap((p: { slug: string }) => [`${p.slug}_score`, `${p.slug}_position`])]);
  });
});

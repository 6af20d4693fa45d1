// Where sources disagree, on the real route handlers and a real database: which cells are contested
// on which days and with what range (the research's), the JSON and the long CSV saying the same,
// the contested=only filter, the figures at both ends of the ranges, and readings written and
// re-ranked through the write API, refused when wrong, and logged.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/negotiations/[slug]/issues/[issue]/parties/[party]/route";
import { createApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/accounts";
import { ZCellApiJson } from "@/lib/formats/cell-json";
import { getChangeLog } from "@/lib/read/change-log";
import { getPackageView } from "@/lib/read/deal-view";
import { callCsv, readCsvText, readDivergenceJson, readMatrixJson } from "@/tests/support/routes";

const SLUG = "ukraine-peace-2025";
const cellUrl = (issue: string, party: string) => `http://localhost:3000/api/negotiations/${SLUG}/issues/${issue}/parties/${party}`;
const context = (issue: string, party: string) => ({ params: Promise.resolve({ slug: SLUG, issue, party }) });

/** The contested cells of a view, with their ranges, as the matrix JSON gives them. */
async function contestedOn(query: string) {
  const body = await readMatrixJson(SLUG, query);
  return body.positions.filter((p) => p.contested).map((p) => [`${p.issue} × ${p.party}`, p.range]);
}

describe("contested cells", () => {
  it.each([
    // The Geneva framework's NATO and army-cap versions of 24 Nov; its Donbas version of 25 Nov.
    [
      "?asOf=2025-11-24",
      [
        ["nato × revised-framework", null],
        ["army-cap × revised-framework", { min: -2, max: -1 }],
      ],
    ],
    [
      "?asOf=2025-11-26",
      [
        ["nato × revised-framework", null],
        ["army-cap × revised-framework", { min: -2, max: -1 }],
        ["donbas × revised-framework", { min: 1, max: 1 }],
      ],
    ],
    // NATO's version of 30 Nov–1 Dec is no longer contested; Donbas's still holds.
    [
      "?asOf=2025-12-05",
      [
        ["army-cap × revised-framework", { min: -2, max: -1 }],
        ["donbas × revised-framework", { min: 1, max: 1 }],
      ],
    ],
    // Geneva's Donbas version of 11 Dec supersedes its contested one; Ukraine's of 11–14 Dec is contested until 23 Dec.
    [
      "?asOf=2025-12-15",
      [
        ["army-cap × revised-framework", { min: -2, max: -1 }],
        ["donbas × ukraine", { min: -2, max: -1 }],
      ],
    ],
    ["", [["army-cap × revised-framework", { min: -2, max: -1 }]]],
  ])("are the research's four, with its range, on the days their contested versions hold (%s), and no other", async (query, expected) => {
    expect(await contestedOn(query)).toEqual(expected);
  });

  it("carry every reading in the JSON, the preferred one first, with ranks, reasons and sources", async () => {
    const body = await readMatrixJson(SLUG, "?issues=army-cap&parties=revised-framework");
    const [cell] = body.positions;
    expect(cell!.readings.map((r) => [r.rank, r.score, r.status])).toEqual([
      ["preferred", -1, "reported"],
      ["normal", -2, "reported"],
    ]);
    expect(cell!.readings.every((r) => r.reason && r.sources.length > 0)).toBe(true);
    expect(cell!.readings[1]!.sources[0]!.url).toBe(
      "https://newsukraine.rbc.ua/news/no-limits-for-ukraine-s-army-and-no-amnesty-1764012926.html",
    );
    // A cell no source disputes has one reading, its own content, which is not repeated.
    const plain = (await readMatrixJson(SLUG, "?issues=nato&parties=us-draft")).positions[0]!;
    expect(plain).toMatchObject({ contested: false, range: { min: 2, max: 2 }, readings: [] });
  });

  it("say the same in the long CSV as in the JSON, for every cell on each day", async () => {
    for (const query of ["", "?asOf=2025-11-26", "?asOf=2025-12-15"]) {
      const json = await readMatrixJson(SLUG, query);
      const rows = parse(await readCsvText(await callCsv(SLUG, `${query}${query ? "&" : "?"}layout=long`)), {
        bom: true,
        columns: true,
      }) as Record<string, string>[];
      // A cell with no version yet is a row of the CSV with nothing in it, and no position in the JSON.
      const withVersion = rows.filter((r) => r.contested !== "");
      expect(withVersion.map((r) => [r.issue, r.party, r.contested, r.score_min, r.score_max])).toEqual(
        json.positions.map((p) => [p.issue, p.party, String(p.contested), String(p.range?.min ?? ""), String(p.range?.max ?? "")]),
      );
    }
  });

  it("are all a view keeps with contested=only: the rows that have one, in the view, the JSON and the CSV", async () => {
    const body = await readMatrixJson(SLUG, "?asOf=2025-11-26&contested=only");
    expect(body.issues.map((i) => i.slug)).toEqual(["nato", "army-cap", "donbas"]);
    expect(body.notices).toEqual(["Not yet published on 26 Nov 2025, so left out: US–Ukraine 20-point framework (24 Dec 2025)."]);
    const rows = parse(await readCsvText(await callCsv(SLUG, "?asOf=2025-11-26&contested=only&layout=long")), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect([...new Set(rows.map((r) => r.issue))]).toEqual(["nato", "army-cap", "donbas"]);
    // Without the Geneva framework's column, no row has a contested cell on that day.
    expect((await readMatrixJson(SLUG, "?asOf=2025-11-26&contested=only&parties=russia,ukraine")).issues).toEqual([]);
    expect((await readMatrixJson(SLUG, "?contested=all")).notices).toEqual([
      "Ignored contested “all” (the one value is “only”); showing every cell.",
    ]);
  });
});

describe("the metrics at both ends of the ranges (readings=range)", () => {
  it("count the contested cells used, and name the figures that change, side by side", async () => {
    const preferred = await readDivergenceJson(SLUG, "?asOf=2025-12-15");
    expect(preferred.readings).toMatchObject({ mode: "preferred", contested: 2, changed: null });
    const range = await readDivergenceJson(SLUG, "?asOf=2025-12-15&readings=range");
    // The figures themselves stay at the preferred readings.
    expect(range.issues).toEqual(preferred.issues);
    const changed = range.readings.changed!;
    // Ukraine's Donbas cell (−1, range −2..−1) moves Ukraine's lean at the low end, not at the high end.
    const ukraine = changed.find((f) => f.metric === "lean" && f.subject === "Ukraine")!;
    expect(ukraine.low).not.toBe(ukraine.preferred);
    expect(ukraine.high).toBe(ukraine.preferred);
    // The Geneva army cap (−1, range −2..−1) leaves the army cap's spread at 3 at both ends: the US draft's +1 and the
    // 24-point plan's −2 already set it.
    expect(changed.find((f) => f.metric === "spread" && f.subject.startsWith("Army"))).toBeUndefined();
    expect(changed.every((f) => f.low !== f.preferred || f.high !== f.preferred)).toBe(true);
    expect(changed.filter((f) => f.metric === "agreement").length).toBeGreaterThan(0);
  });

  it("score a package at both ends too, and count its contested positions", async () => {
    const view = (await getPackageView(SLUG, { steps: "army-cap:-1", readings: "range", asOf: "2025-12-15" }))!;
    expect(view.contested).toBe(1);
    const geneva = view.parties.findIndex((p) => p.slug === "revised-framework");
    // Geneva's army cap: −1 preferred (closeness 1), −2 at the low end (0.75), −1 at the high end.
    expect([view.scores[geneva]!.closeness, view.atEnds!.low[geneva], view.atEnds!.high[geneva]]).toEqual([1, 0.75, 1]);
    expect((await getPackageView(SLUG, { steps: "army-cap:-1" }))!.atEnds).toBeNull();
  });
});

describe("readings written through the write API", () => {
  let token = "";
  beforeAll(async () => {
    const editor = await createUser({
      email: "readings@example.org",
      name: "Rita Reader",
      role: "editor",
      password: "a long test password",
      negotiations: [SLUG],
    });
    token = (await createApiToken(editor.id, "tests")).token;
  });
  const get = async () => {
    const response = await GET(new Request(cellUrl("army-cap", "revised-framework")), context("army-cap", "revised-framework"));
    return { etag: response.headers.get("etag")!, cell: ZCellApiJson.parse(await response.json()) };
  };
  const put = (body: unknown, etag: string) =>
    PUT(
      new Request(cellUrl("army-cap", "revised-framework"), {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "if-match": etag },
        body: JSON.stringify(body),
      }),
      context("army-cap", "revised-framework"),
    );
  const asEdit = (position: NonNullable<Awaited<ReturnType<typeof get>>["cell"]["position"]>, overrides: object) => {
    const { label, summary, score, status, confidence, quote, notes, sources, readings, preferredReason, evidence, confidenceReason } =
      position;
    return {
      ...{ label, summary, score, status, confidence, quote, notes, evidence, confidenceReason, preferredReason },
      // A re-ranking corrects the version of its day: it holds from the same day.
      asOf: position.asOf,
      sources: sources.map((s) => ({ id: s.id })),
      readings: readings.map((r) => ({ ...r, sources: r.sources.map((s) => ({ id: s.id })) })),
      reason: "Re-ranked after a correction",
      ...overrides,
    };
  };

  it("are refused with a plain 400, and nothing changes, when the preferred reading gives no reason", async () => {
    const before = await get();
    const response = await put(asEdit(before.cell.position!, { preferredReason: null }), before.etag);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("says why its own is preferred");
    expect((await get()).cell).toEqual(before.cell);
  });

  it("re-rank a reading as a new version: deprecated, it no longer makes the cell contested, and the log says so", async () => {
    const before = await get();
    const [reading] = before.cell.position!.readings;
    expect(reading!.sources.every((s) => Number.isInteger(s.id))).toBe(true);
    // A source the version and its competing reading both cite is one source of the bibliography, not two.
    const rbc = "https://newsukraine.rbc.ua/news/no-limits-for-ukraine-s-army-and-no-amnesty-1764012926.html";
    expect(reading!.sources.find((s) => s.url === rbc)!.id).toBe(before.cell.position!.sources.find((s) => s.url === rbc)!.id);
    const response = await put(
      asEdit(before.cell.position!, {
        readings: [
          { ...reading!, sources: reading!.sources.map((s) => ({ id: s.id })), rank: "deprecated", reason: "The outlet corrected it." },
        ],
        // One reading stands now: its agreement is high, so the rule now gives high and the dossier's medium needs a reason.
        evidence: { ...before.cell.position!.evidence!, agreement: "high" },
        confidenceReason: "Anonymous-source reporting on an unpublished text.",
      }),
      before.etag,
    );
    expect(response.status).toBe(201);
    const after = await get();
    expect(after.cell.position!.readings).toEqual([{ ...reading!, rank: "deprecated", reason: "The outlet corrected it." }]);
    // The same stored sources, not copies.
    expect(after.cell.position!.readings[0]!.sources.map((s) => s.id)).toEqual(reading!.sources.map((s) => s.id));
    const json = (await readMatrixJson(SLUG, "?issues=army-cap&parties=revised-framework")).positions[0]!;
    expect(json).toMatchObject({ contested: false, range: { min: -1, max: -1 } });
    expect(json.readings.map((r) => r.rank)).toEqual(["preferred", "deprecated"]);
    const log = (await getChangeLog(SLUG, { issue: "army-cap", party: "revised-framework" }))!;
    expect(log.entries[0]!.changes.map((c) => c.field)).toEqual(["readings"]);
    expect(log.entries[0]!.changes[0]!.after).toContain("deprecated, because The outlet corrected it.");
  });

  it("add a reading as a new version, which a stale second editor cannot overwrite", async () => {
    const before = await get();
    const added = {
      score: 0,
      status: "reported",
      summary: "A third reading.",
      quote: null,
      sources: [{ title: "Third report", publisher: "Example", url: "https://example.org/third", publishedAt: "2025-11-26" }],
      rank: "normal",
      reason: "A third independent original.",
    };
    const edit = asEdit(before.cell.position!, {
      readings: [...asEdit(before.cell.position!, {}).readings, added],
      evidence: { ...before.cell.position!.evidence!, agreement: "medium" },
    });
    expect((await put(edit, before.etag)).status).toBe(201);
    expect((await put(edit, before.etag)).status).toBe(412);
    const json = (await readMatrixJson(SLUG, "?issues=army-cap&parties=revised-framework")).positions[0]!;
    expect(json).toMatchObject({ contested: true, range: { min: -1, max: 0 } });
  });
});

// Positions over time on the seeded dossier and on a small dossier with a retraction: views as of a
// day, what changed between two days (page data, CSV and JSON agreeing), each cell's history, the
// computed as-of date, and versions that cannot be rewritten.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { getDb } from "@/lib/db/connection";
import { ZMetaJson } from "@/lib/formats/json";
import { getChangesView } from "@/lib/read/changes-view";
import { getCellView } from "@/lib/read/entity-views";
import { getMatrixView } from "@/lib/read/matrix-view";
import { importNegotiation } from "@/lib/write/dossier";
import { FIXTURE } from "@/tests/fixtures/negotiation";
import { callChangesCsv, readChangesJson, readCsvText, readDivergenceJson, readMatrixJson, readMovementJson } from "@/tests/support/routes";

const SLUG = "ukraine-peace-2025";
const negotiationRow = () =>
  getDb().selectFrom("Negotiation").select(["dataVersion", "asOf"]).where("slug", "=", SLUG).executeTakeFirstOrThrow();

describe("any view as of any day", () => {
  it("on 22 Nov: no Geneva framework, European or 20-point positions, and a notice that says why", async () => {
    const view = await readMatrixJson(SLUG, "?asOf=2025-11-22");
    expect(view.parties.map((p) => p.slug)).toEqual(["us-draft", "russia", "ukraine"]);
    expect(view.positions.filter((p) => ["revised-framework", "europe", "europe-24", "twenty-point"].includes(p.party))).toEqual([]);
    expect(view.notices).toEqual([
      "Not yet published on 22 Nov 2025, so left out: Revised US–Ukraine framework (Geneva) (23 Nov 2025 to 18 Dec 2025); " +
        "European (E3) counter-proposal (23 Nov 2025); European 24-point plan (23 Nov 2025); US–Ukraine 20-point framework (24 Dec 2025).",
    ]);
    expect(view.meta).toMatchObject({ asOf: "2025-11-22", filters: { asOf: "2025-11-22" } });
    // No cell is dated after the day it is shown for.
    for (const p of view.positions) expect(p.asOf!.replace("c. ", "").slice(0, 10) <= "2025-11-22").toBe(true);
  });

  it("on 15 Dec: Ukraine's 14 Dec offer on NATO, where the latest data has its 18–24 Dec qualification", async () => {
    const nato = (positions: { issue: string; party: string }[]) => positions.find((p) => p.issue === "nato" && p.party === "ukraine");
    expect(nato((await readMatrixJson(SLUG, "?asOf=2025-12-15")).positions)).toMatchObject({
      score: 0,
      asOf: "2025-12-14",
      label: "Offers guarantees instead of membership",
    });
    expect(nato((await readMatrixJson(SLUG, "?asOf=2025-12-13")).positions)).toMatchObject({ score: -2, asOf: "2025-11-20" });
    expect(nato((await readMatrixJson(SLUG)).positions)).toMatchObject({ score: -1, asOf: "2025-12-18/2025-12-24" });
  });

  it("shows a cell with no version yet on that day as missing, never as a score", async () => {
    // Ukraine's cell on security guarantees is first recorded on 11 Dec (no earlier statement is cited for it).
    const view = (await getMatrixView(SLUG, new URLSearchParams("asOf=2025-11-22&issues=security-guarantees&parties=ukraine")))!;
    expect(view.matrix.rows[0]!.cells).toEqual([null]);
    expect(await getCellView(SLUG, "security-guarantees", "ukraine", "2025-11-22")).toMatchObject({ position: null, shownVersionId: null });
    // Russia's Donbas demand runs from the June memorandum, so on the baseline report's day it is on record.
    expect(await getCellView(SLUG, "donbas", "russia", "2025-12-02")).toMatchObject({ position: { score: 2 } });
    expect(await getCellView(SLUG, "nato", "twenty-point", "2025-11-22")).toMatchObject({ position: null, unpublished: true, sources: [] });
  });

  it("ignores a date that is not a day, with a notice, and shows the latest data", async () => {
    const view = await readMatrixJson(SLUG, "?asOf=2025-13-01");
    expect(view.meta.asOf).toBeNull();
    expect(view.parties).toHaveLength(7);
    expect(view.notices).toEqual(["Ignored date “2025-13-01” (expected a day such as 2025-12-15); showing the latest data."]);
  });

  it("every JSON carries the meta of its view: negotiation, data version, day, filters, permalink, time", async () => {
    const metas = [
      (await readMatrixJson(SLUG, "?asOf=2025-12-15&issues=nato")).meta,
      (await readDivergenceJson(SLUG, "?asOf=2025-12-15&issues=nato")).meta,
      (await readMovementJson(SLUG, "?asOf=2025-12-15&issues=nato")).meta,
    ];
    const { dataVersion } = await negotiationRow();
    for (const meta of metas) {
      expect(ZMetaJson.parse(meta)).toMatchObject({
        negotiation: SLUG,
        dataVersion,
        asOf: "2025-12-15",
        dataAsOf: "2026-01-08",
        filters: { asOf: "2025-12-15", issues: "nato" },
      });
      expect(meta.permalink).toMatch(/^http:\/\/localhost\/negotiations\/ukraine-peace-2025(\/charts)?\?asOf=2025-12-15&issues=nato$/);
    }
    expect((await readChangesJson(SLUG, "?from=2025-11-20&to=2025-12-24")).meta.filters).toEqual({ from: "2025-11-20", to: "2025-12-24" });
  });
});

describe("what changed between two days", () => {
  const QUERY = "?from=2025-11-20&to=2025-12-24";

  it("lists the shifts in the issue's own words, with the new version's sources and event", async () => {
    const view = (await getChangesView(SLUG, new URLSearchParams(QUERY)))!;
    const shifts = view.changes.filter((c) => c.before !== null);
    const byCell = new Map(shifts.map((c) => [`${c.issue.slug}|${c.party.slug}`, c]));
    expect(byCell.get("nato|ukraine")).toMatchObject({
      before: { score: -2 },
      after: { score: -1, event: { slug: "zelensky-nato-constitution" } },
      fields: ["score", "label"],
      change: "1 step toward “Permanent bar on Ukraine in NATO, no enlargement”",
    });
    expect(byCell.get("army-cap|ukraine")).toMatchObject({ before: { score: -2 }, after: { score: -1, status: "stated" } });
    expect(byCell.get("elections|russia")).toMatchObject({
      before: { score: 2 },
      after: { score: 2, event: { slug: "putin-direct-line" } },
    });
    expect(byCell.get("nato|ukraine")!.after.sources.map((s) => s.publisher)).toContain("RBC-Ukraine");
    // Cells first recorded in between (here the 20-point framework) are listed after the shifts, never as a shift from 0.
    const twenty = view.changes.filter((c) => c.party.slug === "twenty-point");
    expect(twenty).toHaveLength(13);
    expect(twenty.every((c) => c.before === null && c.change === "First recorded")).toBe(true);
    expect(view.changes.findIndex((c) => c.before === null)).toBe(shifts.length);
    // Russia's Donbas cell: refined on 12 Dec at the same score; only its label changed, and no shift of score is invented.
    expect(byCell.get("donbas|russia")).toMatchObject({ before: { score: 2 }, after: { score: 2 }, fields: ["label"] });
  });

  it("says the same in its CSV and its JSON", async () => {
    const view = (await getChangesView(SLUG, new URLSearchParams(QUERY)))!;
    const json = await readChangesJson(SLUG, QUERY);
    const response = await callChangesCsv(SLUG, QUERY);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="ukraine-peace-2025_2026-01-08_changes_2025-11-20_to_2025-12-24.csv"',
    );
    const csv = parse(await readCsvText(response), { bom: true, columns: true }) as Record<string, string>[];
    const fromView = view.changes.map((c) => [c.issue.slug, c.party.slug, c.before?.score ?? null, c.after.score, c.change]);
    expect(json.changes.map((c) => [c.issue, c.party, c.before?.score ?? null, c.after.score, c.change])).toEqual(fromView);
    const asNumber = (text: string) => (text === "" ? null : Number(text));
    expect(csv.map((r) => [r.issue, r.party, asNumber(r.from_score!), asNumber(r.to_score!), r.change])).toEqual(fromView);
    expect(json.total).toBe(view.total);
  });

  it("swaps reversed dates and ignores a bad one, with notices", async () => {
    const view = (await getChangesView(SLUG, new URLSearchParams("from=2025-12-24&to=2025-11-20")))!;
    expect([view.from, view.to]).toEqual(["2025-11-20", "2025-12-24"]);
    expect(view.notices).toContain("“From” was after “to”; the two dates were swapped.");
    const bad = (await getChangesView(SLUG, new URLSearchParams("from=yesterday")))!;
    expect(bad.from).toBe("2025-11-20");
    expect(bad.notices[0]).toMatch(/^Ignored from “yesterday”/);
  });
});

describe("a cell's history", () => {
  it("lists every version in time order with its dates, sources and event", async () => {
    const { history, shownVersionId } = (await getCellView(SLUG, "nato", "ukraine", "2025-12-15"))!;
    expect(history.map((v) => [v.asOf, v.score, v.event?.slug ?? null])).toEqual([
      ["2025-11-20", -2, "draft-reaches-kyiv"],
      ["2025-12-14", 0, "berlin-talks"],
      ["2025-12-18/2025-12-24", -1, "zelensky-nato-constitution"],
    ]);
    expect(history[2]).toMatchObject({ validFrom: "2025-12-18", validTo: "2025-12-24", isApproximate: false });
    expect(shownVersionId).toBe(history[1]!.id);
    expect(history.every((v) => v.sources.length > 0 && v.recordedAt.length > 0)).toBe(true);
  });

  it("keeps versions immutable: the database refuses to rewrite one", async () => {
    await expect(
      sql`UPDATE "PositionVersion" SET "score" = 2 WHERE "id" = (SELECT MIN("id") FROM "PositionVersion")`.execute(getDb()),
    ).rejects.toThrow(/immutable/);
  });
});

describe("the data's as-of date", () => {
  it("is no earlier than any version, source, event or fact date", async () => {
    const { rows } = await sql<{ d: string }>`SELECT MAX(d) AS d FROM (
           SELECT COALESCE(v."validTo", v."validFrom") AS d FROM "PositionVersion" v JOIN "Issue" i ON i."id" = v."issueId"
             JOIN "Negotiation" n ON n."id" = i."negotiationId" WHERE n."slug" = ${SLUG}
           UNION ALL SELECT substr(s."publishedAt", length(s."publishedAt") - 9) FROM "Source" s JOIN "Negotiation" n ON n."id" = s."negotiationId" WHERE n."slug" = ${SLUG}
           UNION ALL SELECT e."date" FROM "Event" e JOIN "Negotiation" n ON n."id" = e."negotiationId" WHERE n."slug" = ${SLUG}) AS dates`.execute(
      getDb(),
    );
    const latest = rows[0]!.d;
    const { asOf } = await negotiationRow();
    expect(asOf).toBe("2026-01-08");
    expect(asOf >= latest).toBe(true);
  });
});

describe("a retraction", () => {
  // Party A's alpha cell: −2 from 20 Nov, then a report of +1 on 1 Dec, retracted on 5 Dec as wrong.
  const dossier = {
    ...FIXTURE,
    slug: "retraction-talks",
    positions: [
      ...FIXTURE.positions,
      {
        ...FIXTURE.positions[0]!,
        asOf: "2025-12-01",
        score: 1,
        status: "reported",
        label: "A moves up",
        summary: "A reportedly moves up.",
      },
      {
        ...FIXTURE.positions[0]!,
        asOf: "2025-12-05",
        retracts: "2025-12-01",
        score: null,
        status: "reported",
        label: "Report withdrawn",
        summary: "The 1 Dec report was wrong.",
      },
    ],
  };

  it("withdraws the retracted version from every view and keeps both in the history", async () => {
    await importNegotiation(dossier, { replace: true });
    const alphaA = (positions: { issue: string; party: string; score: number | null }[]) =>
      positions.find((p) => p.issue === "alpha" && p.party === "a")?.score;
    expect(alphaA((await readMatrixJson("retraction-talks")).positions)).toBe(-2);
    expect(alphaA((await readMatrixJson("retraction-talks", "?asOf=2025-12-02")).positions)).toBe(-2);
    const { history } = (await getCellView("retraction-talks", "alpha", "a"))!;
    expect(history.map((v) => [v.asOf, v.score, v.retracts !== null, v.retractedBy !== null])).toEqual([
      ["2025-11-20", -2, false, false],
      ["2025-12-01", 1, false, true],
      ["2025-12-05", null, true, false],
    ]);
    expect(history[2]!.retracts).toBe(history[1]!.id);
  });
});

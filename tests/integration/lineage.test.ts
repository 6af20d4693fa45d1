// Which point became which: drafts, points and links imported with the dossier, validated on the
// way in and by the database, read on a day, compared side by side, exported as JSON and CSV that
// agree, and edited as new versions with a reason in the change log. A small lineage on the fixture
// negotiation checks the rules by hand; the seeded Russia–Ukraine drafts check the research's links.
import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { TAccount } from "@/lib/auth/account";
import { createUser } from "@/lib/auth/accounts";
import { authorOf } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/connection";
import type { AppError } from "@/lib/domain/errors";
import { LINEAGE_COLUMNS } from "@/lib/formats/lineage";
import { getChangeLog } from "@/lib/read/change-log";
import { getLineageView, getPointView } from "@/lib/read/lineage-view";
import { importNegotiation } from "@/lib/write/dossier";
import { changeStructure } from "@/lib/write/structure";
import { FIXTURE } from "@/tests/fixtures/negotiation";
import { DRAFTS, LINKS, link, point, source } from "@/tests/fixtures/lineage";
import { constraintBrokenBy, negotiationIdOf } from "@/tests/support/db";
import { callLineage, callLineageCsv, readCsvText, readLineageJson } from "@/tests/support/routes";

const SLUG = "lineage-fixture";
const dossier = (drafts: unknown = DRAFTS, links: unknown = LINKS) => ({ ...FIXTURE, slug: SLUG, drafts, links });

let editor: TAccount;
beforeAll(async () => {
  await importNegotiation(dossier(), { replace: true });
  editor = await createUser({ email: "lineage@example.org", name: "Lea Lineage", role: "admin", password: "lantern cobalt harbour" });
});

describe("GET /api/negotiations/{slug}/lineage and lineage.csv", () => {
  it("gives every draft with its points, never-seen points marked, and every link, in the named schema", async () => {
    const body = await readLineageJson(SLUG);
    expect(body.drafts.map((d) => [d.slug, d.party, d.points.length, d.reportedPoints])).toEqual([
      ["b", "b", 3, null],
      ["later", null, 2, 12],
    ]);
    expect(body.drafts[0]!.points.map((p) => [p.number, p.neverSeen, p.status])).toEqual([
      ["1", false, "unknown"],
      ["2", false, "open"],
      ["3", true, "unknown"],
    ]);
    expect(body.links.map((l) => [l.fromPoint, l.toPoint, l.change])).toEqual([
      ["1", "1", "modified"],
      ["2", null, "deleted"],
      [null, "G2", "added"],
    ]);
    expect(body.links[0]!.sources[0]).toMatchObject({ url: source.url });
  });

  it("filters by issue through the matrix's own parameter, and the CSV holds the same links as the JSON", async () => {
    const body = await readLineageJson(SLUG, "?issues=alpha");
    expect(body.drafts.map((d) => d.points.map((p) => p.number))).toEqual([["1"], ["1"]]);
    expect(body.links.map((l) => l.summary)).toEqual(["Softened."]);
    expect(body.meta.filters).toMatchObject({ issues: "alpha" });
    for (const query of ["", "?issues=alpha", "?from=b&to=later&issues=beta,gamma", "?asOf=2025-11-25"]) {
      const json = await readLineageJson(SLUG, query);
      const text = await readCsvText(await callLineageCsv(SLUG, query));
      expect(text.startsWith("\uFEFF")).toBe(true);
      const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0] ?? Object.fromEntries(LINEAGE_COLUMNS.map((c) => [c, ""])))).toEqual([...LINEAGE_COLUMNS]);
      expect(rows.map((r) => [r.from_draft, r.from_point, r.change, r.to_draft, r.to_point, r.summary])).toEqual(
        json.links.map((l) => [l.fromDraft, l.fromPoint ?? "", l.change, l.toDraft, l.toPoint ?? "", l.summary]),
      );
    }
    const csv = parse(await readCsvText(await callLineageCsv(SLUG)), { bom: true, columns: true }) as Record<string, string>[];
    expect(csv[0]).toMatchObject({ from_title: "Point 1", to_title: "Point 1", basis: "comparison", confidence: "high" });
    expect(csv[1]).toMatchObject({ from_title: "Point 2", to_point: "", to_title: "" });
  });

  it("leaves out, as of a day, the drafts not yet published then and their links, saying so for a draft asked for", async () => {
    const early = await readLineageJson(SLUG, "?asOf=2025-11-25&to=later");
    expect(early.drafts.map((d) => d.slug)).toEqual(["b"]);
    expect(early.links).toEqual([]);
    expect(early.notices).toEqual(["Ignored draft “later”: there is no such draft, or it was not yet published on 2025-11-25."]);
  });

  it("answers 404 JSON to an unknown negotiation and notices, not errors, to unknown drafts and issues", async () => {
    const missing = await callLineage("nowhere");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: expect.stringContaining("nowhere") });
    const odd = await readLineageJson(SLUG, "?from=zzz&to=b,later,x&issues=nope");
    expect(odd.notices).toEqual(
      expect.arrayContaining(["Ignored unknown issue: “nope”.", "Ignored unknown draft “zzz”.", "Ignored unknown draft “x”."]),
    );
    expect(odd.drafts.map((d) => d.slug)).toEqual(["b", "later"]);
  });
});

describe("the comparison of two or three drafts", () => {
  it("gives a row per earlier point, deletions and unknown fates as such, and later points no link reaches as rows of their own", async () => {
    const view = (await getLineageView(SLUG, new URLSearchParams({ from: "b", to: "later" })))!;
    expect(view.chosen.map((d) => d.slug)).toEqual(["b", "later"]);
    expect(
      view.rows.map((r) => [r.point?.number ?? null, r.later[0]!.steps.map((s) => s.link.change), r.later[0]!.points.map((p) => p.number)]),
    ).toEqual([
      ["1", ["modified"], ["1"]],
      ["2", ["deleted"], []],
      ["3", [], []],
      [null, ["added"], ["G2"]],
    ]);
  });

  it("traces the seeded 28-point draft to the 20-point framework as the research links it", async () => {
    const view = (await getLineageView("ukraine-peace-2025", new URLSearchParams({ from: "us-draft", to: "twenty-point" })))!;
    const row = (n: string) => view.rows.find((r) => r.point?.number === n)!.later[0]!;
    expect(row("7").steps.map((s) => s.link.change)).toEqual(["deleted"]);
    expect(row("26").steps.map((s) => s.link.change)).toEqual(["deleted"]);
    expect(row("12").points.map((p) => p.number)).toEqual(["8", "9"]);
    expect(row("21").points.map((p) => [p.number, p.status])).toEqual([["14", "open"]]);
    // No link on file for the G8 point: its fate is unknown, not "deleted".
    expect(row("13").steps).toEqual([]);
    // With the Geneva framework between them, the army cap goes 6 → G1 → 4 and 6 → 4 directly.
    const three = (await getLineageView(
      "ukraine-peace-2025",
      new URLSearchParams({ from: "us-draft", to: "twenty-point,revised-framework", issues: "army-cap" }),
    ))!;
    expect(three.chosen.map((d) => d.slug)).toEqual(["us-draft", "revised-framework", "twenty-point"]);
    const six = three.rows.find((r) => r.point?.number === "6")!;
    expect(six.later.map((c) => c.points.map((p) => p.number))).toEqual([["G1"], ["4"]]);
    expect(three.links.every((l) => ["us-draft", "revised-framework", "twenty-point"].includes(l.toDraft))).toBe(true);
  });
});

describe("validation and versions", () => {
  it("refuses a dossier whose links name missing points or break the rules of a change, writing nothing", async () => {
    const before = await readLineageJson(SLUG);
    const broken = dossier(
      [...DRAFTS.slice(0, 1), { ...DRAFTS[1]!, party: "a", points: [...DRAFTS[1]!.points, point("9", ["nowhere"])] }],
      [...LINKS, link("1", "99", "kept", "Missing."), link("2", "1", "deleted", "Deleted with a successor.")],
    );
    let error: AppError | undefined;
    try {
      await importNegotiation(broken, { replace: true });
    } catch (caught) {
      error = caught as AppError;
    }
    expect(error?.code).toBe("invalid");
    expect(error?.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        '"a" is not one of the dossier\'s document columns',
        'no issue has the slug "nowhere"',
        'later has no point "99"',
        "a deleted point has no later point",
      ]),
    );
    expect(await readLineageJson(SLUG)).toEqual({ ...before, meta: { ...before.meta, generatedAt: expect.any(String) } });
  });

  it("has the database refuse a deleted link with a later point and any change to a point's version", async () => {
    const db = getDb();
    const negotiationId = await negotiationIdOf(SLUG);
    const drafts = await db.selectFrom("Draft").select(["id", "slug"]).where("negotiationId", "=", negotiationId).execute();
    const [b, later] = ["b", "later"].map((slug) => drafts.find((d) => d.slug === slug)!.id);
    const points = await db.selectFrom("DraftPoint").select(["id", "draftId"]).where("draftId", "=", later!).execute();
    const values = {
      fromDraftId: b!,
      fromPointId: null,
      toDraftId: later!,
      toPointId: points[0]!.id,
      summary: "s",
      basis: "press",
      confidence: "high",
      recordedAt: "now",
    };
    expect(
      await constraintBrokenBy(() =>
        db
          .insertInto("PointLink")
          .values({ ...values, change: "deleted" })
          .execute(),
      ),
    ).toBe("check");
    expect(
      await constraintBrokenBy(() =>
        db
          .insertInto("PointLink")
          .values({ ...values, change: "kept" })
          .execute(),
      ),
    ).toBe("check");
    expect(
      await constraintBrokenBy(() =>
        db
          .insertInto("PointLink")
          .values({ ...values, change: "vanished" })
          .execute(),
      ),
    ).toBe("check");
    expect(await constraintBrokenBy(() => sql`UPDATE "DraftPointVersion" SET "title" = 'changed'`.execute(db))).toBe("trigger");
  });

  it("records a new version of a point and of a link with a reason; the latest holds and the change log lists both", async () => {
    const author = authorOf(editor);
    await changeStructure({
      slug: SLUG,
      change: { action: "point.add", draft: "b", point: point("2", ["beta"], { status: "agreed", statusNote: "signed off" }) },
      reason: "Both sides agreed point 2",
      author,
    });
    await changeStructure({
      slug: SLUG,
      change: { action: "link.add", link: { ...link("1", "1", "kept", "Kept after all."), confidence: "medium" } },
      reason: "A second reading",
      author,
    });
    await expect(
      changeStructure({ slug: SLUG, change: { action: "link.add", link: link("1", "7", "kept", "No such point.") }, reason: "r", author }),
    ).rejects.toThrow("The draft “later” has no point “7”.");
    await expect(
      changeStructure({ slug: SLUG, change: { action: "point.add", draft: "b", point: point("4", ["nowhere"]) }, reason: "r", author }),
    ).rejects.toThrow("There is no issue “nowhere”.");
    // Two editors never overwrite each other: a change started from an earlier version is refused.
    const first = (
      await getDb()
        .selectFrom("DraftPointVersion")
        .select((eb) => eb.fn.min("id").as("id"))
        .executeTakeFirstOrThrow()
    ).id;
    await expect(
      changeStructure({
        slug: SLUG,
        change: { action: "point.add", draft: "b", point: point("2", ["beta"], { status: "disputed" }), basedOn: first },
        reason: "from a stale page",
        author,
      }),
    ).rejects.toMatchObject({ code: "stale" });
    const body = await readLineageJson(SLUG);
    expect(body.drafts[0]!.points.find((p) => p.number === "2")).toMatchObject({ status: "agreed", statusNote: "signed off" });
    expect(body.drafts[0]!.points.map((p) => p.number)).toEqual(["1", "2", "3"]);
    expect(body.links.map((l) => [l.fromPoint, l.change, l.confidence])).toEqual([
      ["1", "kept", "medium"],
      ["2", "deleted", "high"],
      [null, "added", "high"],
    ]);
    const [linkEntry, pointEntry] = (await getChangeLog(SLUG, {}))!.structure;
    expect([linkEntry, pointEntry]).toMatchObject([
      { action: "link.add", target: "b 1 → later 1", reason: "A second reading", author: "Lea Lineage" },
      { action: "point.add", target: "b point 2", reason: "Both sides agreed point 2", author: "Lea Lineage" },
    ]);
    const page = (await getPointView(SLUG, "b", "2", {}))!;
    expect(page.history.map((v) => [v.status, v.author, v.reason])).toEqual([
      ["open", null, null],
      ["agreed", "Lea Lineage", "Both sides agreed point 2"],
    ]);
    const versions = await getDb()
      .selectFrom("DraftPointVersion")
      .select(["status", "authorId", "reason"])
      .where("reason", "is not", null)
      .execute();
    expect(versions).toEqual([{ status: "agreed", authorId: editor.id, reason: "Both sides agreed point 2" }]);
  });
});

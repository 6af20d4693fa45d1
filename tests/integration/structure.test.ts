// A negotiation built in the app: created empty, given issues and parties, its cells given first
// versions through the write API, renamed and reordered, with every change in the log.
import { beforeAll, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/negotiations/[slug]/issues/[issue]/parties/[party]/route";
import type { TAccount } from "@/lib/auth/account";
import { createUser } from "@/lib/auth/accounts";
import { authorOf } from "@/lib/auth/permissions";
import { createApiToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/connection";
import { ZCellApiJson } from "@/lib/formats/cell-json";
import { getChangeLog } from "@/lib/read/change-log";
import { getZonesView } from "@/lib/read/deal-view";
import { changeStructure, createNegotiation } from "@/lib/write/structure";
import { readMatrixJson } from "@/tests/support/routes";

const SLUG = "trade-talks";
let admin: TAccount;
let adminId = "";
let token = "";
const change = (c: unknown, reason = "building the dossier") => changeStructure({ slug: SLUG, change: c, reason, author: authorOf(admin) });

beforeAll(async () => {
  admin = await createUser({ email: "builder@example.org", name: "Bea Builder", role: "admin", password: "scaffold amber meadow" });
  adminId = admin.id;
  token = (await createApiToken(adminId, "tests")).token;
});

describe("a negotiation built in the app", () => {
  it("starts with an empty matrix, which every view shows without error", async () => {
    expect(
      await createNegotiation({
        fields: { slug: SLUG, title: "A trade deal", summary: "Tariffs and quotas.", scaleNote: "−2 closed, +2 open." },
        userId: adminId,
      }),
    ).toEqual({ slug: SLUG });
    const matrix = await readMatrixJson(SLUG);
    expect(matrix).toMatchObject({ issues: [], parties: [], positions: [] });
    await expect(
      createNegotiation({ fields: { slug: SLUG, title: "Again", summary: "s", scaleNote: "n" }, userId: adminId }),
    ).rejects.toMatchObject({
      code: "exists",
    });
  });

  it("gets issues and parties; their cells have no version until one is written", async () => {
    await change({
      action: "issue.add",
      issue: {
        slug: "tariffs",
        name: "Tariffs",
        description: "Car tariffs.",
        isCore: true,
        lowLabel: "Keep all",
        highLabel: "Abolish all",
      },
    });
    await change({
      action: "issue.add",
      issue: { slug: "quotas", name: "Quotas", description: "Steel quotas.", isCore: false, lowLabel: "Keep", highLabel: "Lift" },
    });
    await change({
      action: "party.add",
      party: { slug: "north", name: "North", kind: "actor", date: "2026-01-05", description: "One side." },
    });
    await change({
      action: "party.add",
      party: { slug: "south", name: "South", kind: "actor", date: "2026-01-05", description: "The other." },
    });
    const matrix = await readMatrixJson(SLUG);
    expect(matrix.issues.map((i) => i.slug)).toEqual(["tariffs", "quotas"]);
    expect(matrix.parties.map((p) => p.slug)).toEqual(["north", "south"]);
    expect(matrix.positions).toEqual([]);

    const url = `http://localhost/api/negotiations/${SLUG}/issues/tariffs/parties/north`;
    const context = { params: Promise.resolve({ slug: SLUG, issue: "tariffs", party: "north" }) };
    const empty = await GET(new Request(url), context);
    expect(empty.headers.get("etag")).toBe('"v0"');
    expect(ZCellApiJson.parse(await empty.json())).toMatchObject({ version: null, position: null });
    const body = {
      label: "Halve them",
      summary: "North offers to halve car tariffs.",
      score: 1,
      status: "stated",
      confidence: "medium",
      sources: [{ title: "Statement", publisher: "North trade ministry", url: "https://example.org/statement", publishedAt: "2026-01-05" }],
      validFrom: "2026-01-05",
      reason: "first statement",
    };
    const created = await PUT(
      new Request(url, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "if-match": '"v0"', "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      context,
    );
    expect(created.status).toBe(201);
    expect((await readMatrixJson(SLUG)).positions).toEqual([
      expect.objectContaining({ issue: "tariffs", party: "north", score: 1, label: "Halve them" }),
    ]);
  });

  it("renames and reorders, and the log shows who, why, before and after", async () => {
    await change(
      {
        action: "issue.update",
        slug: "quotas",
        fields: { name: "Steel quotas", description: "Steel quotas.", isCore: true, lowLabel: "Keep", highLabel: "Lift" },
      },
      "clearer name",
    );
    await change({ action: "party.move", slug: "south", direction: "up" }, "Reordered");
    await change(
      { action: "party.update", slug: "north", fields: { name: "Northland", kind: "actor", date: "2026-01-05", description: "One side." } },
      "its own name",
    );
    // A party's name marks its column, never its cells: searching the new name keeps no row by itself.
    const byName = await readMatrixJson(SLUG, "?q=northland");
    expect(byName.positions).toEqual([]);
    expect(byName.parties.find((p) => p.slug === "north")?.name).toBe("Northland");
    const matrix = await readMatrixJson(SLUG);
    expect(matrix.issues.find((i) => i.slug === "quotas")).toMatchObject({ name: "Steel quotas", isCore: true });
    expect(matrix.parties.map((p) => p.slug)).toEqual(["south", "north"]);
    const [, moved, renamed] = (await getChangeLog(SLUG, {}))!.structure;
    expect(moved).toMatchObject({ action: "party.move", target: "south", author: "Bea Builder", reason: "Reordered" });
    expect(renamed).toMatchObject({
      action: "issue.update",
      target: "quotas",
      reason: "clearer name",
      detail: { before: { name: "Quotas", isCore: 0 }, after: { name: "Steel quotas", isCore: true } },
    });
  });

  it("records a red line and a new version of it with a reason, logged; the zones show the line of each day", async () => {
    const source = { title: "North's statement", publisher: "Wire", url: "https://example.org/north", publishedAt: "2026-01-10" };
    const line = { issue: "tariffs", party: "north", basis: "stated", quote: "Not above +1.", sources: [source] };
    await change({ action: "redline.add", line: { ...line, min: -2, max: 1, validFrom: "2026-01-10" } }, "North's first statement");
    await change(
      { action: "redline.add", line: { ...line, min: -2, max: 0, validFrom: "2026-01-20", quote: "Not above 0." } },
      "North hardened",
    );
    await expect(change({ action: "redline.add", line: { ...line, min: 1, max: -1, validFrom: "2026-01-21" } })).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(
      change({ action: "redline.add", line: { ...line, party: "nobody", min: 0, max: 0, validFrom: "2026-01-22" } }),
    ).rejects.toThrow("There is no party “nobody”.");
    const on = async (day: string) =>
      (await getZonesView(SLUG, new URLSearchParams({ parties: "north", asOf: day })))!.zones.find((z) => z.issue === "tariffs")!.lines[0];
    expect(await on("2026-01-15")).toMatchObject({ min: -2, max: 1, quote: "Not above +1." });
    expect(await on("2026-01-25")).toMatchObject({
      min: -2,
      max: 0,
      quote: "Not above 0.",
      sources: [expect.objectContaining({ url: source.url })],
    });
    const [latest, first] = (await getChangeLog(SLUG, {}))!.structure;
    expect([latest, first]).toMatchObject([
      { action: "redline.add", target: "tariffs × north", reason: "North hardened", author: "Bea Builder" },
      { action: "redline.add", target: "tariffs × north", reason: "North's first statement" },
    ]);
    const rows = await getDb().selectFrom("RedLine").select(["authorId", "reason"]).where("reason", "=", "North hardened").execute();
    expect(rows).toEqual([{ authorId: adminId, reason: "North hardened" }]);
  });

  it("refuses a taken slug, invalid fields, a missing row and a user without rights, changing nothing", async () => {
    const dataVersion = async () =>
      (await getDb().selectFrom("Negotiation").select("dataVersion").where("slug", "=", SLUG).executeTakeFirstOrThrow()).dataVersion;
    const before = await dataVersion();
    await expect(
      change({ action: "party.add", party: { slug: "north", name: "Again", kind: "actor", date: "2026-01-05", description: "d" } }),
    ).rejects.toThrow("already used");
    await expect(
      change({ action: "issue.add", issue: { slug: "Bad Slug", name: "", description: "d", isCore: true, lowLabel: "l", highLabel: "h" } }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(change({ action: "issue.move", slug: "nope", direction: "up" })).rejects.toThrow("There is no issue “nope”.");
    await expect(change({ action: "issue.move", slug: "tariffs", direction: "up" })).rejects.toThrow("already first");
    await expect(
      change({ action: "issue.add", issue: { slug: "x", name: "X", description: "d", isCore: true, lowLabel: "l", highLabel: "h" } }, ""),
    ).rejects.toMatchObject({ code: "invalid" });
    const outsider = await createUser({
      email: "outside@example.org",
      name: "Out Sider",
      role: "editor",
      password: "scaffold amber evening",
    });
    await expect(
      changeStructure({
        slug: SLUG,
        change: { action: "issue.move", slug: "quotas", direction: "up" },
        reason: "r",
        author: authorOf(outsider),
      }),
    ).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("have not been given") });
    expect(await dataVersion()).toBe(before);
  });
});

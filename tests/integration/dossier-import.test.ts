// Importing a file with a preview: the export's own CSV and the seed's dossier JSON read back with
// no change, edits show as old → new, invalid rows are listed with their lines, and confirming
// writes everything in one transaction or nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/accounts";
import type { TAccount } from "@/lib/auth/account";
import { authorOf } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/connection";
import { confirmImport, previewImport, saveImportDraft } from "@/lib/write/imports";
import { getCellView } from "@/lib/read/entity-views";
import { ROOT } from "@/tests/support/paths";
import { callCsv, readCsvText } from "@/tests/support/routes";

const SLUG = "ukraine-peace-2025";
const negotiation = () =>
  getDb().selectFrom("Negotiation").select(["id", "dataVersion"]).where("slug", "=", SLUG).executeTakeFirstOrThrow();
const dataVersion = async () => (await negotiation()).dataVersion;
const versionCount = async () => (await getDb().selectFrom("PositionVersion").select("id").execute()).length;
let importer: TAccount;
let userId = "";

beforeAll(async () => {
  importer = await createUser({
    email: "importer@example.org",
    name: "Ivo Importer",
    role: "editor",
    password: "ledger of the afternoon",
    negotiations: [SLUG],
  });
  userId = importer.id;
});

async function draft(fileName: string, content: string, reason = "Spreadsheet of the week") {
  return saveImportDraft({ userId, negotiationId: (await negotiation()).id, fileName, content, reason });
}

const exportCsv = async () => readCsvText(await callCsv(SLUG, "?layout=long"));

describe("import preview", () => {
  it("is computed once per draft, when it is uploaded, and again only after the data changed", async () => {
    const id = await draft("export.csv", await exportCsv());
    // The stored file is changed behind the preview's back: a preview read again is the stored one, not a new plan.
    await getDb().updateTable("ImportDraft").set({ content: "issue,party\r\nnope,nope" }).where("id", "=", id).execute();
    expect((await previewImport(id, userId))!.plan.counts).toEqual({ added: 0, changed: 0, unchanged: 91 });
    await getDb()
      .updateTable("Negotiation")
      .set({ dataVersion: `${await dataVersion()}.x` })
      .where("slug", "=", SLUG)
      .execute();
    expect((await previewImport(id, userId))!.plan.problems.length).toBeGreaterThan(0);
  });

  it("reads no more rows than an import may hold, and says so", async () => {
    const header = "issue,party,score,status,confidence,label,summary\r\n";
    const row = "nato,russia,2,stated,high,x,y\r\n";
    const id = await draft("big.csv", header + row.repeat(20_001));
    expect((await previewImport(id, userId))!.plan.problems).toContainEqual({
      where: "file",
      message: "more than 20,000 cells; split the file",
    });
  });

  it("the export's own long CSV reads back with no change", async () => {
    const preview = (await previewImport(await draft("export.csv", await exportCsv()), userId))!;
    expect(preview.plan.problems).toEqual([]);
    expect(preview.plan.counts).toEqual({ added: 0, changed: 0, unchanged: 91 });
  });

  it("the seed's dossier JSON reads back with no change", async () => {
    const content = readFileSync(path.join(ROOT, "prisma", "seed-data", `${SLUG}.json`), "utf8");
    const preview = (await previewImport(await draft("dossier.json", content), userId))!;
    expect(preview.plan.problems).toEqual([]);
    expect(preview.plan.counts).toEqual({ added: 0, changed: 0, unchanged: 91 });
  });

  it("lists changed cells old → new, and every invalid row with its line", async () => {
    const lines = (await exportCsv()).split("\r\n");
    const header = lines[0]!.replace(/^\uFEFF/, "").split(",");
    const col = (name: string) => header.indexOf(name);
    const rowOf = (issue: string, party: string) =>
      lines.findIndex((l) => l.startsWith(`${issue},`) && l.split(",")[col("party")] === party);
    const edit = (index: number, column: string, value: string) => {
      const cells = lines[index]!.split(",");
      cells[col(column)] = value;
      lines[index] = cells.join(",");
    };
    const g8 = rowOf("g8", "europe");
    edit(g8, "label", "Changed label");
    const bad = rowOf("crimea", "russia");
    edit(bad, "score", "7");
    const preview = (await previewImport(await draft("edited.csv", lines.join("\r\n")), userId))!;
    expect(preview.plan.counts).toMatchObject({ changed: 1 });
    const changed = preview.plan.rows.find((r) => r.kind === "changed")!;
    expect(changed).toMatchObject({ issue: "g8", party: "europe", where: `line ${g8 + 1}` });
    expect(changed.changes).toEqual([expect.objectContaining({ field: "label", after: "Changed label" })]);
    expect(preview.plan.problems).toEqual([{ where: `line ${bad + 1} (crimea × russia)`, message: "score: a score is from −2 to +2" }]);
  });

  it("names a missing column, an unknown cell and a foreign dossier", async () => {
    expect((await previewImport(await draft("x.csv", "issue,party\r\nnato,russia\r\n"), userId))!.plan.problems[0]!.message).toMatch(
      /missing columns score, status/,
    );
    const unknown = "issue,party,score,status,confidence,label,summary\r\nnato,nobody,1,stated,high,L,S\r\n";
    expect((await previewImport(await draft("x.csv", unknown), userId))!.plan.problems).toEqual([
      { where: "line 2", message: "no cell for the issue “nato” and the party “nobody” in this negotiation" },
    ]);
    const foreign = readFileSync(path.join(ROOT, "prisma", "seed-data", `${SLUG}.json`), "utf8").replace(
      `"slug": "${SLUG}"`,
      `"slug": "other"`,
    );
    expect((await previewImport(await draft("d.json", foreign), userId))!.plan.problems).toEqual([
      { where: "slug", message: `the file is the dossier “other”, not “${SLUG}”` },
    ]);
  });

  it("shows a draft only to the user who uploaded it", async () => {
    expect(await previewImport(await draft("export.csv", await exportCsv()), "someone-else")).toBeNull();
  });
});

describe("confirming an import", () => {
  it("writes nothing when one row is invalid", async () => {
    const csv = (await exportCsv()).replace(/\r\nnato,/, "\r\nnato-typo,");
    const id = await draft("bad.csv", csv.replace("Changed", "x"));
    const before = await versionCount();
    await expect(
      confirmImport({ draftId: id, author: authorOf(importer), previewedDataVersion: await dataVersion() }),
    ).rejects.toMatchObject({
      code: "invalid",
    });
    expect(await versionCount()).toBe(before);
  });

  it("refuses a preview made before the data changed", async () => {
    const id = await draft("export.csv", await exportCsv());
    await expect(confirmImport({ draftId: id, author: authorOf(importer), previewedDataVersion: "1-1" })).rejects.toMatchObject({
      code: "stale",
    });
  });

  it("writes every change as a version with the import's reason and author, in one go", async () => {
    const csv = (await exportCsv()).replace(/\r\ng8,([^,]*),europe,([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),([^,]*)/, (row) => {
      const cells = row.split(",");
      cells[8] = "Imported label";
      return cells.join(",");
    });
    const id = await draft("week.csv", csv, "Weekly spreadsheet");
    const before = await versionCount();
    expect((await previewImport(id, userId))!.plan.counts.changed).toBe(1);
    expect(await confirmImport({ draftId: id, author: authorOf(importer), previewedDataVersion: await dataVersion() })).toEqual({
      added: 0,
      changed: 1,
    });
    expect(await versionCount()).toBe(before + 1);
    const last = (await getCellView(SLUG, "g8", "europe"))!.history.at(-1)!;
    expect(last).toMatchObject({ label: "Imported label", author: "Ivo Importer", reason: "Weekly spreadsheet" });
    // The draft is used up, and a second import of the same file changes nothing.
    expect(await previewImport(id, userId)).toBeNull();
    expect((await previewImport(await draft("week.csv", csv), userId))!.plan.counts).toMatchObject({ changed: 0, unchanged: 91 });
  });

  it("refuses a user without rights on the negotiation", async () => {
    const outsider = await createUser({
      email: "outsider@example.org",
      name: "Otto Outsider",
      role: "editor",
      password: "ledger of the evening",
    });
    const id = await saveImportDraft({
      userId: outsider.id,
      negotiationId: (await negotiation()).id,
      fileName: "export.csv",
      content: await exportCsv(),
      reason: "x",
    });
    await expect(
      confirmImport({ draftId: id, author: authorOf(outsider), previewedDataVersion: await dataVersion() }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    // Another user's draft is not there at all.
    expect(await confirmImport({ draftId: id, author: authorOf(importer), previewedDataVersion: await dataVersion() })).toBeNull();
  });
});

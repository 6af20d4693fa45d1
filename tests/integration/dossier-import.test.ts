// Importing a file with a preview: the export's own CSV and the seed's dossier JSON read back with
// no change, edits show as old → new, invalid rows are listed with their lines, and confirming
// writes everything in one transaction or nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";
import { createUser } from "@/lib/queries/accounts";
import { CellValidationError } from "@/lib/queries/cell-edits";
import { confirmImport, previewImport, saveImportDraft, StalePreviewError } from "@/lib/queries/dossier-import";
import { getCellView } from "@/lib/queries/entity-views";
import { ROOT } from "../support/paths";
import { callCsv, readCsvText } from "../support/routes";

const SLUG = "ukraine-peace-2025";
const db = () => getDatabase();
const negotiationId = () => db().prepare(`SELECT "id" FROM "Negotiation" WHERE "slug" = ?`).pluck().get(SLUG) as number;
const dataVersion = () => db().prepare(`SELECT "dataVersion" FROM "Negotiation" WHERE "slug" = ?`).pluck().get(SLUG) as string;
const versionCount = () => db().prepare(`SELECT COUNT(*) FROM "PositionVersion"`).pluck().get() as number;
let userId = "";

beforeAll(async () => {
  userId = (
    await createUser({
      email: "importer@example.org",
      name: "Ivo Importer",
      role: "editor",
      password: "ledger of the afternoon",
      negotiations: [SLUG],
    })
  ).id;
});

function draft(fileName: string, content: string, reason = "Spreadsheet of the week") {
  return saveImportDraft({ userId, negotiationId: negotiationId(), fileName, content, reason });
}

const exportCsv = async () => readCsvText(await callCsv(SLUG, "?layout=long"));

describe("import preview", () => {
  it("is computed once per draft, when it is uploaded, and again only after the data changed", async () => {
    const id = draft("export.csv", await exportCsv());
    // The stored file is changed behind the preview's back: a preview read again is the stored one, not a new plan.
    db().prepare(`UPDATE "ImportDraft" SET "content" = 'issue,party\r\nnope,nope' WHERE "id" = ?`).run(id);
    expect(previewImport(id, userId)!.plan.counts).toEqual({ added: 0, changed: 0, unchanged: 78 });
    db().prepare(`UPDATE "Negotiation" SET "dataVersion" = "dataVersion" || '.x' WHERE "slug" = ?`).run(SLUG);
    expect(previewImport(id, userId)!.plan.problems.length).toBeGreaterThan(0);
  });

  it("reads no more rows than an import may hold, and says so", async () => {
    const header = "issue,party,score,status,confidence,label,summary\r\n";
    const row = "nato,russia,2,stated,high,x,y\r\n";
    const id = draft("big.csv", header + row.repeat(20_001));
    expect(previewImport(id, userId)!.plan.problems).toContainEqual({ where: "file", message: "more than 20,000 cells; split the file" });
  });

  it("the export's own long CSV reads back with no change", async () => {
    const preview = previewImport(draft("export.csv", await exportCsv()), userId)!;
    expect(preview.plan.problems).toEqual([]);
    expect(preview.plan.counts).toEqual({ added: 0, changed: 0, unchanged: 78 });
  });

  it("the seed's dossier JSON reads back with no change", () => {
    const content = readFileSync(path.join(ROOT, "prisma", "seed-data", `${SLUG}.json`), "utf8");
    const preview = previewImport(draft("dossier.json", content), userId)!;
    expect(preview.plan.problems).toEqual([]);
    expect(preview.plan.counts).toEqual({ added: 0, changed: 0, unchanged: 78 });
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
    const preview = previewImport(draft("edited.csv", lines.join("\r\n")), userId)!;
    expect(preview.plan.counts).toMatchObject({ changed: 1 });
    const changed = preview.plan.rows.find((r) => r.kind === "changed")!;
    expect(changed).toMatchObject({ issue: "g8", party: "europe", where: `line ${g8 + 1}` });
    expect(changed.changes).toEqual([expect.objectContaining({ field: "label", after: "Changed label" })]);
    expect(preview.plan.problems).toEqual([{ where: `line ${bad + 1} (crimea × russia)`, message: "score: a score is from −2 to +2" }]);
  });

  it("names a missing column, an unknown cell and a foreign dossier", () => {
    expect(previewImport(draft("x.csv", "issue,party\r\nnato,russia\r\n"), userId)!.plan.problems[0]!.message).toMatch(
      /missing columns score, status/,
    );
    const unknown = "issue,party,score,status,confidence,label,summary\r\nnato,nobody,1,stated,high,L,S\r\n";
    expect(previewImport(draft("x.csv", unknown), userId)!.plan.problems).toEqual([
      { where: "line 2", message: "no cell for the issue “nato” and the party “nobody” in this negotiation" },
    ]);
    const foreign = readFileSync(path.join(ROOT, "prisma", "seed-data", `${SLUG}.json`), "utf8").replace(
      `"slug": "${SLUG}"`,
      `"slug": "other"`,
    );
    expect(previewImport(draft("d.json", foreign), userId)!.plan.problems).toEqual([
      { where: "slug", message: `the file is the dossier “other”, not “${SLUG}”` },
    ]);
  });

  it("shows a draft only to the user who uploaded it", async () => {
    expect(previewImport(draft("export.csv", await exportCsv()), "someone-else")).toBeNull();
  });
});

describe("confirming an import", () => {
  it("writes nothing when one row is invalid", async () => {
    const csv = (await exportCsv()).replace(/\r\nnato,/, "\r\nnato-typo,");
    const id = draft("bad.csv", csv.replace("Changed", "x"));
    const before = versionCount();
    expect(() => confirmImport({ draftId: id, userId, previewedDataVersion: dataVersion(), authorize: () => true })).toThrow(
      CellValidationError,
    );
    expect(versionCount()).toBe(before);
  });

  it("refuses a preview made before the data changed", async () => {
    const id = draft("export.csv", await exportCsv());
    expect(() => confirmImport({ draftId: id, userId, previewedDataVersion: "1-1", authorize: () => true })).toThrow(StalePreviewError);
  });

  it("writes every change as a version with the import's reason and author, in one go", async () => {
    const csv = (await exportCsv()).replace(/\r\ng8,([^,]*),europe,([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),([^,]*)/, (row) => {
      const cells = row.split(",");
      cells[8] = "Imported label";
      return cells.join(",");
    });
    const id = draft("week.csv", csv, "Weekly spreadsheet");
    const before = versionCount();
    expect(previewImport(id, userId)!.plan.counts.changed).toBe(1);
    expect(confirmImport({ draftId: id, userId, previewedDataVersion: dataVersion(), authorize: () => true })).toEqual({
      added: 0,
      changed: 1,
    });
    expect(versionCount()).toBe(before + 1);
    const last = getCellView(SLUG, "g8", "europe")!.history.at(-1)!;
    expect(last).toMatchObject({ label: "Imported label", author: "Ivo Importer", reason: "Weekly spreadsheet" });
    // The draft is used up, and a second import of the same file changes nothing.
    expect(previewImport(id, userId)).toBeNull();
    expect(previewImport(draft("week.csv", csv), userId)!.plan.counts).toMatchObject({ changed: 0, unchanged: 78 });
  });

  it("refuses a user without rights on the negotiation", async () => {
    const id = draft("export.csv", await exportCsv());
    expect(confirmImport({ draftId: id, userId, previewedDataVersion: dataVersion(), authorize: () => false })).toBeNull();
  });
});

import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { getDatabase, getDatabaseFile, openDatabase } from "../db";
import { formatSourceLine } from "../format";
import { applyMigrations } from "../migrate";
import { foldText } from "../text";
import { importNegotiation, toPositionSearchText, type TImportSummary, type TPositionSearchFields } from "./write-negotiation";

type TSourceText = {
  id: number;
  title: string;
  publisher: string;
  url: string | null;
  publishedAt: string | null;
  isDateApproximate: number;
};

/** Fills derived text that rows written before a migration lack (search text, citation lines), in one transaction. */
function fillDerivedText(db: Database.Database): void {
  db.transaction(() => {
    const issues = db.prepare(`SELECT "id", "name" FROM "Issue" WHERE "searchText" = ''`).all() as { id: number; name: string }[];
    const setIssue = db.prepare(`UPDATE "Issue" SET "searchText" = ? WHERE "id" = ?`);
    for (const i of issues) setIssue.run(foldText(i.name), i.id);
    // The current copies and every version: a migration that changes what search looks in empties them.
    for (const [table, citations, key] of [
      ["Position", "PositionSource", "positionId"],
      ["PositionVersion", "PositionVersionSource", "versionId"],
    ] as const) {
      const rows = db
        .prepare(
          `SELECT p."id", p."label", p."summary", p."quote", p."notes",
             (SELECT json_group_array(json_object('title', s."title", 'publisher', s."publisher"))
              FROM "${citations}" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."${key}" = p."id") AS "sources"
           FROM "${table}" p WHERE p."searchText" = ''`,
        )
        .all() as (Omit<TPositionSearchFields, "sources"> & { id: number; sources: string })[];
      const set = db.prepare(`UPDATE "${table}" SET "searchText" = ? WHERE "id" = ?`);
      for (const p of rows) set.run(toPositionSearchText({ ...p, sources: JSON.parse(p.sources) }), p.id);
    }
    const sources = db
      .prepare(`SELECT "id", "title", "publisher", "url", "publishedAt", "isDateApproximate" FROM "Source" WHERE "citation" = ''`)
      .all() as TSourceText[];
    const setSource = db.prepare(`UPDATE "Source" SET "citation" = ? WHERE "id" = ?`);
    for (const s of sources) setSource.run(formatSourceLine({ ...s, isDateApproximate: s.isDateApproximate === 1 }), s.id);
  }).immediate();
}

/** Creates the database file when absent, applies the committed migrations it lacks, and fills derived text. */
export function migrateDatabase(migrationsDir: string): { created: boolean; applied: string[] } {
  const created = !existsSync(getDatabaseFile());
  const db = openDatabase({ create: true });
  try {
    const applied = applyMigrations(db, migrationsDir);
    fillDerivedText(db);
    return { created, applied };
  } finally {
    db.close();
  }
}

/** Reads a dossier file as JSON, with the file named in the message when it is not JSON. */
export function readDossierFile(file: string): unknown {
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path.basename(file)} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Imports every `*.json` dossier of a folder, in file-name order, each replacing its stored version. */
export function seedDossiers(folder: string): (TImportSummary & { file: string })[] {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort();
  return files.map((file) => ({ file, ...importNegotiation(readDossierFile(path.join(folder, file)), { replace: true }) }));
}

/** How many negotiations are stored. */
export function countNegotiations(): number {
  return (getDatabase().prepare(`SELECT COUNT(*) AS n FROM "Negotiation"`).get() as { n: number }).n;
}

import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { sql } from "kysely";
import { toSource } from "../cells/sources";
import { toSearchText } from "../cells/write";
import { formatSourceLine } from "../domain/format";
import { foldText } from "../domain/text";
import { getDatabaseTarget, openSqlite } from "../db/open";
import { MIGRATION_LOCK, migratePostgres, migrateSqlite, migrationsDirOf } from "../db/migrate";
import { writeTransaction, readSnapshot } from "../db/transactions";
import { describeConnectionError } from "../db/url";
import { importNegotiation, type TImportSummary } from "./dossier";

// What runs before a server serves (scripts/setup-db.ts, the standalone entry): the database is
// created when it is a new SQLite file, migrated with the committed migrations of its engine,
// derived text filled where older rows lack it, and seeded when it holds no negotiation yet.

export type TPrepared = { created: boolean; applied: string[]; seeded: boolean };

/**
 * Makes the database ready to serve: applies the migrations it lacks (a new SQLite file is
 * created), fills derived text that older rows lack, and seeds it from `seedFolder` when it holds
 * no negotiation yet (also when a first seeding was interrupted). On PostgreSQL all of it runs
 * under one advisory lock, so that instances starting together migrate and seed once.
 */
export async function prepareDatabase(root: string, seedFolder: string | null): Promise<TPrepared> {
  const target = getDatabaseTarget();
  const dir = migrationsDirOf(target.engine, root);
  const fillAndSeed = async () => {
    await fillDerivedText();
    const seeded = seedFolder !== null && (await countNegotiations()) === 0;
    if (seeded) await seedDossiers(seedFolder);
    return seeded;
  };
  if (target.engine === "sqlite") {
    const created = !existsSync(target.file);
    const db = openSqlite(target.file, { create: true });
    let applied: string[];
    try {
      applied = migrateSqlite(db, dir);
    } finally {
      db.close();
    }
    return { created, applied, seeded: await fillAndSeed() };
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new Error(describeConnectionError(error, target));
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const applied = await migratePostgres(client, dir);
    return { created: false, applied, seeded: await fillAndSeed() };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Applies the migrations the database lacks (scripts that write: imports, new users). */
export async function migrateDatabase(root: string): Promise<TPrepared> {
  return prepareDatabase(root, null);
}

/** Fills derived text that rows written before a migration lack (search text, citation lines), in one transaction. */
export async function fillDerivedText(): Promise<void> {
  await writeTransaction(async (db) => {
    for (const issue of await db.selectFrom("Issue").select(["id", "name"]).where("searchText", "=", "").execute())
      await db
        .updateTable("Issue")
        .set({ searchText: foldText(issue.name) })
        .where("id", "=", issue.id)
        .execute();
    const versions = await db
      .selectFrom("PositionVersion")
      .select(["id", "label", "summary", "quote", "notes"])
      .where("searchText", "=", "")
      .execute();
    for (const v of versions) {
      const sources = await db
        .selectFrom("PositionVersionSource as vs")
        .innerJoin("Source as s", "s.id", "vs.sourceId")
        .select(["s.title", "s.publisher"])
        .where("vs.versionId", "=", v.id)
        .execute();
      await db
        .updateTable("PositionVersion")
        .set({ searchText: toSearchText({ ...v, sources }) })
        .where("id", "=", v.id)
        .execute();
    }
    for (const row of await db.selectFrom("Source").selectAll().where("citation", "=", "").execute())
      await db
        .updateTable("Source")
        .set({ citation: formatSourceLine(toSource(row)) })
        .where("id", "=", row.id)
        .execute();
  });
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
export async function seedDossiers(folder: string): Promise<(TImportSummary & { file: string })[]> {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort();
  const done = [];
  for (const file of files) done.push({ file, ...(await importNegotiation(readDossierFile(path.join(folder, file)), { replace: true })) });
  return done;
}

/** How many negotiations are stored. */
export async function countNegotiations(): Promise<number> {
  return readSnapshot(async (db) => {
    const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM "Negotiation"`.execute(db);
    return Number(rows[0]?.n ?? 0);
  });
}

import "server-only";
import { sql } from "kysely";
import { getDb, getEngine, isDatabaseFileCurrent } from "../db/connection";
import { committedMigrationNames, migrationsDirOf } from "../db/migrate";

export type THealth = { ok: true; engine: "sqlite" | "postgres"; migrations: number } | { ok: false; problem: string };

/**
 * Whether this process can serve: the database is reachable, is still the file it opened (SQLite),
 * and has every committed migration of its engine (the schema version the code expects). For
 * process supervisors and load balancers.
 */
export async function checkHealth(root = process.cwd()): Promise<THealth> {
  try {
    if (!isDatabaseFileCurrent())
      return { ok: false, problem: "The database file was deleted or replaced while the server runs; restart the server." };
    const engine = getEngine();
    const expected = committedMigrationNames(migrationsDirOf(engine, root));
    // Prisma's history table is not a model of the schema: a typed raw query.
    const { rows } = await sql<{
      name: string;
    }>`SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`.execute(
      getDb(),
    );
    const applied = new Set(rows.map((r) => r.name));
    const missing = expected.filter((name) => !applied.has(name));
    if (missing.length > 0)
      return { ok: false, problem: `The database lacks ${missing.length} migration(s); run the set-up (npm start applies them).` };
    return { ok: true, engine, migrations: expected.length };
  } catch (error) {
    return { ok: false, problem: `The database cannot be read: ${(error as Error).message.slice(0, 300)}` };
  }
}

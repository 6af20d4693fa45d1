import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { getDatabase, isDatabaseFileCurrent } from "../db";

export type THealth = { ok: true; migrations: number } | { ok: false; problem: string };

/**
 * Whether this process can serve: the database is reachable, is still the file it opened, and has
 * every committed migration (the schema version the code expects). For process supervisors.
 */
export function checkHealth(migrationsDir = path.join(process.cwd(), "prisma", "migrations")): THealth {
  try {
    if (!isDatabaseFileCurrent())
      return { ok: false, problem: "The database file was deleted or replaced while the server runs; restart the server." };
    const expected = readdirSync(/*turbopackIgnore: true*/ migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const applied = new Set(
      getDatabase()
        .prepare(`SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`)
        .pluck()
        .all() as string[],
    );
    const missing = expected.filter((name) => !applied.has(name));
    if (missing.length > 0)
      return { ok: false, problem: `The database lacks ${missing.length} migration(s); run the set-up (npm start applies them).` };
    return { ok: true, migrations: expected.length };
  } catch (error) {
    return { ok: false, problem: `The database cannot be read: ${(error as Error).message}` };
  }
}

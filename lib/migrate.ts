import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { CREATE_MIGRATION_HISTORY } from "./migration-history.mjs";

type TAppliedMigration = { migration_name: string; checksum: string; finished_at: string | null };

/** The committed migrations, oldest first: folder name and SQL text. */
export function listMigrations(migrationsDir: string): { name: string; sql: string }[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") }));
}

/**
 * Applies the committed SQL migrations that a database has not had yet, each in its own
 * transaction (all or nothing), recording them as Prisma's CLI does. Run at start-up instead of
 * the CLI, which is a development tool. Throws a plain message when a recorded migration has been
 * edited since or failed half-way. Returns the names of the migrations it applied.
 */
export function applyMigrations(db: Database.Database, migrationsDir: string): string[] {
  const tables = db
    .prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  if (tables.length > 0 && !tables.includes("_prisma_migrations")) {
    throw new Error(
      "The file at DATABASE_URL is a SQLite database of something else (it has tables but no migration history); point DATABASE_URL at a new file or at this app's database.",
    );
  }
  db.exec(CREATE_MIGRATION_HISTORY);
  const applied = new Map(
    (
      db
        .prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
        .all() as TAppliedMigration[]
    ).map((row) => [row.migration_name, row]),
  );
  const record = db.prepare(
    `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
  );
  const done: string[] = [];
  for (const { name, sql } of listMigrations(migrationsDir)) {
    const checksum = createHash("sha256").update(sql).digest("hex");
    const previous = applied.get(name);
    if (previous?.finished_at === null)
      throw new Error(`Migration ${name} failed earlier and was not finished; restore the database from a backup.`);
    if (previous && previous.checksum !== checksum) throw new Error(`Migration ${name} was edited after it was applied to this database.`);
    if (previous) continue;
    const startedAt = new Date().toISOString();
    db.transaction(() => {
      db.exec(sql);
      record.run(randomUUID(), checksum, new Date().toISOString(), name, startedAt);
    }).immediate();
    done.push(name);
  }
  return done;
}

import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import type pg from "pg";
import { CREATE_MIGRATION_HISTORY, CREATE_MIGRATION_HISTORY_POSTGRES } from "./migration-history.mjs";
import type { TDatabaseTarget } from "./url";

// The start-up migrator: applies the committed SQL migrations a database lacks, each in its own
// transaction (all or nothing), recording them in Prisma's own `_prisma_migrations` table with the
// same checksum, so that `prisma migrate status` agrees. One history per engine (Prisma ties a
// history to one provider): prisma/migrations for SQLite, prisma/postgres/migrations for
// PostgreSQL. Chosen over running Prisma's CLI at start-up: see docs/decisions/0002-migrator.md.

export type TMigration = { name: string; sql: string; checksum: string };
type TApplied = { migration_name: string; checksum: string; finished_at: unknown };

/** The committed migrations of a folder, oldest first. */
export function listMigrations(migrationsDir: string): TMigration[] {
  return readdirSync(/*turbopackIgnore: true*/ migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** The migrations folder of an engine under a project root. */
export function migrationsDirOf(engine: TDatabaseTarget["engine"], root: string): string {
  return path.join(root, "prisma", ...(engine === "postgres" ? ["postgres"] : []), "migrations");
}

/** The migrations still to apply, after checking the ones applied: an edited or half-applied one stops everything. */
function pending(migrations: TMigration[], applied: TApplied[]): TMigration[] {
  const byName = new Map(applied.map((row) => [row.migration_name, row]));
  return migrations.filter(({ name, checksum }) => {
    const previous = byName.get(name);
    if (previous && (previous.finished_at === null || previous.finished_at === undefined))
      throw new Error(`Migration ${name} failed earlier and was not finished; restore the database from a backup.`);
    if (previous && previous.checksum !== checksum) throw new Error(`Migration ${name} was edited after it was applied to this database.`);
    return !previous;
  });
}

const FOREIGN = "has tables but no migration history; point DATABASE_URL at a new database or at this app's database.";

/**
 * SQLite: foreign keys are turned off around each migration (they cannot be turned off inside a
 * transaction, and a redefined table would otherwise cascade its drop), and every foreign key is
 * checked before the migration commits.
 */
export function migrateSqlite(db: Database.Database, migrationsDir: string): string[] {
  const tables = db.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%'`).pluck().all();
  if (tables.length > 0 && !tables.includes("_prisma_migrations"))
    throw new Error(`The file at DATABASE_URL is a SQLite database that ${FOREIGN}`);
  db.exec(CREATE_MIGRATION_HISTORY);
  const applied = db
    .prepare<[], TApplied>(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
    .all();
  const record = db.prepare(
    `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
  );
  const done: string[] = [];
  for (const { name, sql, checksum } of pending(listMigrations(migrationsDir), applied)) {
    const startedAt = new Date().toISOString();
    db.pragma("foreign_keys = OFF");
    try {
      db.transaction(() => {
        db.exec(sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${name} would leave ${broken.length} broken reference(s); nothing was changed.`);
        record.run(randomUUID(), checksum, new Date().toISOString(), name, startedAt);
      }).immediate();
    } finally {
      db.pragma("foreign_keys = ON");
    }
    done.push(name);
  }
  return done;
}

/** A lock only one migrator holds at a time, so that two instances starting together do not both migrate (or seed). */
export const MIGRATION_LOCK = 872_015_401;

/** PostgreSQL: the whole run holds an advisory lock; each migration is one transaction. */
export async function migratePostgres(client: pg.Client, migrationsDir: string): Promise<string[]> {
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    const names = tables.map((t) => t.table_name);
    if (names.length > 0 && !names.includes("_prisma_migrations")) throw new Error(`The PostgreSQL database at DATABASE_URL ${FOREIGN}`);
    await client.query(CREATE_MIGRATION_HISTORY_POSTGRES);
    const { rows: applied } = await client.query<TApplied>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done: string[] = [];
    for (const { name, sql, checksum } of pending(listMigrations(migrationsDir), applied)) {
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), checksum, name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed and was rolled back: ${(error as Error).message}`);
      }
      done.push(name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}

/** The names of the migrations a folder holds that are recorded as applied, for the health check. */
export function committedMigrationNames(migrationsDir: string): string[] {
  return existsSync(/*turbopackIgnore: true*/ migrationsDir) ? listMigrations(migrationsDir).map((m) => m.name) : [];
}

import "server-only";
import { existsSync, statSync } from "node:fs";
import type Database from "better-sqlite3";
import type pg from "pg";
import {
  forgetDatabaseTarget,
  getDatabaseFile,
  getDatabaseTarget,
  getEngine,
  openPostgresPool,
  openSqlite,
  toKysely,
  type TDb,
} from "./open";

// The process's one database (a SQLite connection or a PostgreSQL pool), made on first use.

export { getDatabaseFile, getDatabaseTarget, getEngine, type TDb, type TEngine } from "./open";

type TProcessDb = { kysely?: TDb; sqlite?: Database.Database; sqliteInode?: number; pool?: pg.Pool; authDb?: TDb };
// Kept on globalThis (under one name of its own), so that every copy of this module in a process shares it.
const globalForDb = ((globalThis as unknown as { __negotiationDb?: TProcessDb }).__negotiationDb ??= {});

/** The process's database: one SQLite connection or one PostgreSQL pool, made on first use. */
export function getDb(): TDb {
  if (globalForDb.kysely) return globalForDb.kysely;
  const t = getDatabaseTarget();
  if (t.engine === "sqlite") {
    globalForDb.sqlite = openSqlite(t.file);
    globalForDb.sqliteInode = statSync(t.file).ino;
    globalForDb.kysely = toKysely(globalForDb.sqlite);
  } else {
    globalForDb.pool = openPostgresPool(t.url);
    globalForDb.kysely = toKysely(globalForDb.pool);
  }
  return globalForDb.kysely;
}

/**
 * The database as Better Auth reads it: the process's own on SQLite; on PostgreSQL a small pool of
 * its own that keeps booleans as booleans (see ./open.ts).
 */
export function getAuthDb(): TDb {
  const target = getDatabaseTarget();
  if (target.engine === "sqlite") return getDb();
  globalForDb.authDb ??= toKysely(openPostgresPool(target.url, 4, "booleans"));
  return globalForDb.authDb;
}

/**
 * Whether the SQLite file at DATABASE_URL is still the one the connection opened: a file deleted or
 * replaced under a running server would otherwise go on being served from the old inode. Always
 * true on PostgreSQL.
 */
export function isDatabaseFileCurrent(): boolean {
  if (getEngine() !== "sqlite") return true;
  getDb();
  const file = getDatabaseFile();
  return existsSync(file) && statSync(file).ino === globalForDb.sqliteInode;
}

/** Closes the process's database (scripts call this before exiting); SQLite folds its write-ahead log into the file. */
export async function closeDb(): Promise<void> {
  globalForDb.sqlite?.pragma("wal_checkpoint(TRUNCATE)");
  const [kysely, authDb] = [globalForDb.kysely, globalForDb.authDb];
  globalForDb.kysely = undefined;
  globalForDb.authDb = undefined;
  globalForDb.sqlite = undefined;
  globalForDb.pool = undefined;
  forgetDatabaseTarget();
  await kysely?.destroy();
  await authDb?.destroy();
}

/**
 * A database of its own for one long read (a streamed export): a read-only SQLite connection, or
 * a one-connection PostgreSQL pool, so that its snapshot neither holds up nor waits for the
 * process's other requests. Destroy it when done.
 */
export function openDedicatedDb(): TDb {
  const t = getDatabaseTarget();
  return toKysely(t.engine === "sqlite" ? openSqlite(t.file, { readonly: true }) : openPostgresPool(t.url, 1));
}

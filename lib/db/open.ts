import { accessSync, closeSync, constants, existsSync, openSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import Cursor from "pg-cursor";
import type { DB } from "../generated/kysely/types";
import { parseDatabaseUrl, type TDatabaseTarget } from "./url";

// Opening a database of either engine behind Kysely: a better-sqlite3 connection to the SQLite file
// (the embedded default), or a pool of connections to PostgreSQL (for deployments of more than one
// app instance). Queries everywhere are typed by the DB interface that prisma-kysely generates from
// prisma/schema.prisma, so no row type is written or cast by hand. The process's own database is
// ./connection.ts; this module also serves the production server's gate, which runs outside React's
// server environment (so it is not marked server-only; its drivers cannot be bundled for a browser).

export type TDb = Kysely<DB>;
export type TEngine = TDatabaseTarget["engine"];

/** How long a SQLite connection waits for another's write lock before giving up. */
const BUSY_TIMEOUT_MS = 5000;
/** Connections in a PostgreSQL pool: bounded, so that 50 readers queue instead of opening 50 connections. */
const POOL_SIZE = 10;

let target: TDatabaseTarget | undefined;

/** What DATABASE_URL names, read once (a malformed one throws a plain message that names the setting). */
export function getDatabaseTarget(): TDatabaseTarget {
  target ??= parseDatabaseUrl(process.env.DATABASE_URL);
  return target;
}

/** Reads DATABASE_URL again on next use (after the process's database was closed). */
export function forgetDatabaseTarget(): void {
  target = undefined;
}

/** The engine of this process's database. */
export function getEngine(): TEngine {
  return getDatabaseTarget().engine;
}

/** The SQLite file of this process (throws on PostgreSQL, where there is none). */
export function getDatabaseFile(): string {
  const t = getDatabaseTarget();
  if (t.engine !== "sqlite") throw new Error("This process uses PostgreSQL; there is no database file.");
  return t.file;
}

/**
 * A new better-sqlite3 connection to the file. Readers see one consistent snapshot per transaction
 * (WAL mode: writers never block them). `create` allows a missing file (set-up only), created
 * readable by its owner only; otherwise a missing file or folder is a plain error instead of a
 * silently created empty database.
 */
export function openSqlite(file: string, options: { readonly?: boolean; create?: boolean } = {}): Database.Database {
  if (!options.create && !existsSync(file))
    throw new Error(`The database file ${path.basename(file)} does not exist; run the set-up first.`);
  if (options.create && !existsSync(path.dirname(file))) throw new Error(`The folder for the database (DATABASE_URL) does not exist.`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new Error("DATABASE_URL names a folder; it must name a database file.");
  if (options.create && !existsSync(file)) {
    try {
      accessSync(path.dirname(file), constants.W_OK);
    } catch {
      throw new Error("The folder for the database (DATABASE_URL) is read-only; choose a folder this process can write to.");
    }
    // Readable by this user only (SQLite gives its -wal and -shm files the same mode): it holds password hashes.
    closeSync(openSync(file, "wx", 0o600));
  }
  const db = new Database(file, { readonly: options.readonly ?? false, timeout: BUSY_TIMEOUT_MS });
  if (!options.readonly) db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return db;
}

// PostgreSQL values as the generated row types have them (the types follow the SQLite schema):
// 64-bit integers and numerics as numbers (counts and sums here stay far below 2^53), booleans as 0 or 1.
// Better Auth reads its own tables through a pool that keeps PostgreSQL's booleans (its adapter
// converts SQLite's 0 and 1 itself), so that its answers are the same on both engines.
const pgTypes = (booleans: "numbers" | "booleans") =>
  ({
    getTypeParser: (oid: number, format?: "text" | "binary") => {
      if (oid === 20 || oid === 1700) return (value: string) => Number(value);
      if (oid === 16 && booleans === "numbers") return (value: string) => (value === "t" ? 1 : 0);
      return pg.types.getTypeParser(oid, format);
    },
  }) as pg.CustomTypesConfig;

/** A PostgreSQL pool for the URL, with the row types the queries expect (booleans as 0 and 1 unless asked otherwise). */
export function openPostgresPool(url: string, max = POOL_SIZE, booleans: "numbers" | "booleans" = "numbers"): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes(booleans), idleTimeoutMillis: 30_000 });
  // An idle client that loses its server is dropped from the pool; the next query gets a new one.
  pool.on("error", () => {});
  return pool;
}

/** Kysely over a better-sqlite3 connection or a PostgreSQL pool. */
export function toKysely(connection: Database.Database | pg.Pool): TDb {
  if (connection instanceof pg.Pool) return new Kysely<DB>({ dialect: new PostgresDialect({ pool: connection, cursor: Cursor }) });
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) });
}

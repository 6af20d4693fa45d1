import "server-only";
import { accessSync, closeSync, constants, existsSync, openSync, statSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { resolveDatabaseFile, toDatabaseUrl } from "./database-url";
import { PrismaClient } from "./generated/prisma/client";

let file: string | undefined;

/** The SQLite file of this process, from DATABASE_URL, read once (a malformed one throws a plain message). */
export function getDatabaseFile(): string {
  file ??= resolveDatabaseFile(process.env.DATABASE_URL);
  return file;
}

/** How long a connection waits for another's write lock before giving up. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * A new connection to the database file. Readers see one consistent snapshot per transaction
 * (WAL mode: writers never block them). `create` allows a missing file (set-up only); otherwise a
 * missing file or folder is a plain error instead of a silently created empty database.
 */
export function openDatabase(options: { readonly?: boolean; create?: boolean } = {}): Database.Database {
  const databaseFile = getDatabaseFile();
  if (!options.create && !existsSync(databaseFile))
    throw new Error(`The database file ${path.basename(databaseFile)} does not exist; run the set-up first.`);
  if (options.create && !existsSync(path.dirname(databaseFile)))
    throw new Error(`The folder for the database (DATABASE_URL) does not exist.`);
  if (existsSync(databaseFile) && statSync(databaseFile).isDirectory())
    throw new Error("DATABASE_URL names a folder; it must name a database file.");
  if (options.create && !existsSync(databaseFile)) {
    try {
      accessSync(path.dirname(databaseFile), constants.W_OK);
    } catch {
      throw new Error("The folder for the database (DATABASE_URL) is read-only; choose a folder this process can write to.");
    }
    // Created readable by this user only (SQLite gives its -wal and -shm files the same mode): it holds password hashes.
    closeSync(openSync(databaseFile, "wx", 0o600));
  }
  const db = new Database(databaseFile, { readonly: options.readonly ?? false, timeout: BUSY_TIMEOUT_MS });
  if (!options.readonly) db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return db;
}

const globalForDb = globalThis as unknown as { prisma?: PrismaClient; sqlite?: Database.Database; sqliteInode?: number };

/**
 * The process's shared connection for short, synchronous work: a view's reads in one transaction,
 * a bulk import. Long-running reads (streamed exports) open their own with `openDatabase`.
 */
export function getDatabase(): Database.Database {
  if (!globalForDb.sqlite) {
    globalForDb.sqlite = openDatabase();
    globalForDb.sqliteInode = statSync(getDatabaseFile()).ino;
  }
  return globalForDb.sqlite;
}

/**
 * Whether the file at DATABASE_URL is still the one the shared connection opened: a file deleted
 * or replaced under a running server would otherwise go on being served from the old inode.
 */
export function isDatabaseFileCurrent(): boolean {
  getDatabase();
  return existsSync(getDatabaseFile()) && statSync(getDatabaseFile()).ino === globalForDb.sqliteInode;
}

/** Closes the shared connection, folding the write-ahead log into the database file (scripts call this before exiting). */
export function closeDatabase(): void {
  globalForDb.sqlite?.pragma("wal_checkpoint(TRUNCATE)");
  globalForDb.sqlite?.close();
  globalForDb.sqlite = undefined;
}

/** The only PrismaClient: one per process, made on first use, reused across hot reloads in development. */
export function getPrisma(): PrismaClient {
  globalForDb.prisma ??= new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: toDatabaseUrl(getDatabaseFile()), timeout: BUSY_TIMEOUT_MS }),
  });
  return globalForDb.prisma;
}

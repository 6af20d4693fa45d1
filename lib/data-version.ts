// The database's version as the response cache sees it: SQLite's `PRAGMA data_version` on a
// read-only connection of its own changes whenever any other connection (the app's, an import in
// another process) commits. The day is part of it, so nothing dated is served past midnight (UTC).
import { statSync } from "node:fs";
import Database from "better-sqlite3";
import { resolveDatabaseFile } from "./database-url";

/** A function telling the version now, or null when the file is gone or was replaced (then the cache stands aside). */
export function dataVersionReader(file = resolveDatabaseFile(process.env.DATABASE_URL)): () => string | null {
  let state: { inode: number; read: () => unknown } | null = null;
  return () => {
    try {
      const inode = statSync(file).ino;
      if (!state) {
        const statement = new Database(file, { readonly: true, fileMustExist: true }).prepare("PRAGMA data_version").pluck();
        state = { inode, read: () => statement.get() };
      }
      if (inode !== state.inode) return null;
      return `${state.read()}:${new Date().toISOString().slice(0, 10)}`;
    } catch {
      return null;
    }
  };
}

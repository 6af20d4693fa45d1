// What the production server (scripts/server.ts) reads before a request reaches Next, on a
// read-only connection of its own:
// - the database's version for the response cache: SQLite's `PRAGMA data_version` changes whenever
//   any other connection (the app's, an import in another process) commits. The day is part of it,
//   so nothing dated is served past midnight (UTC);
// - whether a negotiation exists, so an unknown one gets a 404 page rendered whole (see server.ts).
import { statSync } from "node:fs";
import Database from "better-sqlite3";
import { resolveDatabaseFile } from "./database-url";

export type TServerReader = {
  /** The version now, or null when the file is gone or was replaced (then the cache stands aside). */
  version: () => string | null;
  /** Whether a negotiation has this slug, or null when the database cannot tell. */
  hasNegotiation: (slug: string) => boolean | null;
};

export function openServerReader(file = resolveDatabaseFile(process.env.DATABASE_URL)): TServerReader {
  let state: { inode: number; db: Database.Database; dataVersion: Database.Statement } | null = null;
  const current = () => {
    const inode = statSync(file).ino;
    if (!state) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      state = { inode, db, dataVersion: db.prepare("PRAGMA data_version").pluck() };
    }
    return inode === state.inode ? state : null;
  };
  return {
    version: () => {
      try {
        const reader = current();
        return reader && `${reader.dataVersion.get()}:${new Date().toISOString().slice(0, 10)}`;
      } catch {
        return null;
      }
    },
    hasNegotiation: (slug) => {
      try {
        const reader = current();
        return reader && reader.db.prepare(`SELECT 1 FROM "Negotiation" WHERE "slug" = ?`).get(slug) !== undefined;
      } catch {
        return null;
      }
    },
  };
}

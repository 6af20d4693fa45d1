// What the production server (scripts/server.ts) reads before a request reaches Next, on a
// read-only connection of its own:
// - the database's version for the response cache: SQLite's `PRAGMA data_version` changes whenever
//   any other connection (the app's, an import in another process) commits. The day is part of it,
//   so nothing dated is served past midnight (UTC);
// - whether the negotiation, issue and party a page's address names exist, so an unknown one gets a
//   404 page rendered whole (see server.ts).
import { statSync } from "node:fs";
import Database from "better-sqlite3";
import { resolveDatabaseFile } from "./database-url";

export type TServerReader = {
  /** The version now, or null when the file is gone or was replaced (then the cache stands aside). */
  version: () => string | null;
  /** Whether everything a page's path names exists (see `namedInPath`), or null when the database cannot tell. */
  pageExists: (pathname: string) => boolean | null;
};

export type TNamedInPath = { negotiation: string; issue?: string; party?: string };

/**
 * The negotiation, issue and party a page's path names: `[/embed]/negotiations/{slug}/...`, with
 * `/issues/{issue}` and `/parties/{party}` after it. Null for any other path.
 */
export function namedInPath(pathname: string): TNamedInPath | null {
  const parts = pathname.split("?")[0]!.split("/").slice(1).map(decodeURIComponent);
  if (parts[0] === "embed") parts.shift(); // an embeddable chart names its negotiation the same way
  if (parts[0] !== "negotiations" || !parts[1]) return null;
  const named: TNamedInPath = { negotiation: parts[1] };
  if (parts[2] === "issues" && parts[3]) {
    named.issue = parts[3];
    if (parts[4] === "parties" && parts[5]) named.party = parts[5];
  } else if (parts[2] === "parties" && parts[3]) named.party = parts[3];
  return named;
}

export function openServerReader(file = resolveDatabaseFile(process.env.DATABASE_URL)): TServerReader {
  type TLookups = { negotiation: Database.Statement; Issue: Database.Statement; Party: Database.Statement };
  let state: { inode: number; db: Database.Database; dataVersion: Database.Statement; lookups?: TLookups } | null = null;
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
    pageExists: (pathname) => {
      const named = namedInPath(pathname);
      if (!named) return true;
      try {
        const reader = current();
        if (!reader) return null;
        // Prepared once, on the first page request (every page request runs them).
        const lookups = (reader.lookups ??= {
          negotiation: reader.db.prepare(`SELECT "id" FROM "Negotiation" WHERE "slug" = ?`).pluck(),
          Issue: reader.db.prepare(`SELECT 1 FROM "Issue" WHERE "negotiationId" = ? AND "slug" = ?`),
          Party: reader.db.prepare(`SELECT 1 FROM "Party" WHERE "negotiationId" = ? AND "slug" = ?`),
        });
        const id = lookups.negotiation.get(named.negotiation);
        const has = (table: "Issue" | "Party", slug: string | undefined) =>
          slug === undefined || lookups[table].get(id, slug) !== undefined;
        return id !== undefined && has("Issue", named.issue) && has("Party", named.party);
      } catch {
        return null;
      }
    },
  };
}

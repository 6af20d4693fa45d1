// What the production server (scripts/server.ts) reads before a request reaches Next, on a
// database connection of its own (read-only on SQLite, a pool of two on PostgreSQL):
// - the data's version for the response cache: the one row every write transaction advances
//   (lib/db/data-version.ts), on every engine and from every instance or script. The day is part
//   of it, so nothing dated is served past midnight (UTC). On PostgreSQL it is read at most every
//   quarter second (a write through another instance is served within that), and again at once
//   after a write through this one (`forget`);
// - whether the negotiation, issue and party a page's address names exist, so an unknown one gets a
//   404 page rendered whole (see server.ts). The address is read with the app's one URL table.
import { existsSync, statSync } from "node:fs";
import { getDatabaseTarget, openPostgresPool, openSqlite, toKysely, type TDb } from "../db/open";
import { matchRoute } from "../params/urls";

export type TServerReader = {
  /** The version now, or null when the database cannot tell (then the cache stands aside). */
  version: () => Promise<string | null>;
  /** Drops the remembered version: the next request reads it again (after a write through this process). */
  forget: () => void;
  /** Whether everything a page's path names exists, or null when the database cannot tell. */
  pageExists: (pathname: string) => Promise<boolean | null>;
  close: () => Promise<void>;
};

/** How long a version read from PostgreSQL is reused (a round trip per request would be most of a cached answer's cost). */
const POSTGRES_VERSION_MS = 250;

export function openServerReader(): TServerReader {
  const target = getDatabaseTarget();
  let db: TDb | null = null;
  let inode: number | null = null;
  /** The reader's database, or null when the SQLite file is gone or was replaced (restart to serve the new one). */
  const current = (): TDb | null => {
    if (target.engine === "postgres") return (db ??= toKysely(openPostgresPool(target.url, 2)));
    if (!existsSync(target.file)) return null;
    const now = statSync(target.file).ino;
    if (db === null) [db, inode] = [toKysely(openSqlite(target.file, { readonly: true })), now];
    return now === inode ? db : null;
  };
  const maxAge = target.engine === "postgres" ? POSTGRES_VERSION_MS : 0;
  let remembered: { at: number; value: Promise<string | null> } | null = null;
  const read = async (): Promise<string | null> => {
    try {
      const reader = current();
      if (!reader) return null;
      const row = await reader.selectFrom("DataVersion").select("version").where("id", "=", 1).executeTakeFirst();
      return `${row?.version ?? 0}:${new Date().toISOString().slice(0, 10)}`;
    } catch {
      return null;
    }
  };
  return {
    version: () => {
      const now = Date.now();
      if (remembered === null || now - remembered.at >= maxAge) remembered = { at: now, value: read() };
      return remembered.value;
    },
    forget: () => {
      remembered = null;
    },
    pageExists: async (pathname) => {
      const found = matchRoute(pathname);
      const { slug, issue, party } = found?.params ?? {};
      if (!found || found.route.startsWith("api") || slug === undefined) return true;
      try {
        const reader = current();
        if (!reader) return null;
        const negotiation = await reader.selectFrom("Negotiation").select("id").where("slug", "=", slug).executeTakeFirst();
        if (!negotiation) return false;
        const has = async (table: "Issue" | "Party", value: string | undefined) =>
          value === undefined ||
          (await reader
            .selectFrom(table)
            .select("id")
            .where("negotiationId", "=", negotiation.id)
            .where("slug", "=", value)
            .executeTakeFirst()) !== undefined;
        return (await has("Issue", issue)) && (await has("Party", party));
      } catch {
        return null;
      }
    },
    close: async () => {
      await db?.destroy();
      db = null;
    },
  };
}

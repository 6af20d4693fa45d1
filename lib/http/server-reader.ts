// What the production server (scripts/server.ts) reads before a request reaches Next, on a
// database connection of its own (read-only on SQLite, a pool of two on PostgreSQL):
// - the data's version for the response cache: the one row every write transaction advances
//   (lib/db/data-version.ts), on every engine and from every instance or script. The day is part
//   of it, so nothing dated is served past midnight (UTC). It is read at most every quarter second
//   (a write through another instance or a script is served within that), and again at once after
//   a write through this one (`forget`);
// - whether the negotiation, issue, party, draft and point a page's address names exist, so an unknown one gets a
//   404 page rendered whole (see server.ts). The address is read with the app's one URL table; an
//   answer is kept while the data version is unchanged.
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

/** How long a version read is reused (a query per request would be most of a cached answer's cost). */
const VERSION_MS = 250;
/** Answers of `pageExists` kept for the current data version. */
const KNOWN_PAGES = 10_000;

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
  let remembered: { at: number; value: Promise<string | null> } | null = null;
  const read = async (): Promise<string | null> => {
    try {
      const source = current();
      if (!source) return null;
      const row = await source.selectFrom("DataVersion").select("version").where("id", "=", 1).executeTakeFirst();
      return `${row?.version ?? 0}:${new Date().toISOString().slice(0, 10)}`;
    } catch {
      return null;
    }
  };
  /** Whether the negotiation, and the issue, party, draft and point when named, exist; null when the database cannot tell. */
  const lookUp = async (
    slug: string,
    issue: string | undefined,
    party: string | undefined,
    draft: string | undefined,
    point: string | undefined,
  ): Promise<boolean | null> => {
    try {
      const source = current();
      if (!source) return null;
      const negotiation = await source.selectFrom("Negotiation").select("id").where("slug", "=", slug).executeTakeFirst();
      if (!negotiation) return false;
      const has = async (table: "Issue" | "Party", value: string | undefined) =>
        value === undefined ||
        (await source
          .selectFrom(table)
          .select("id")
          .where("negotiationId", "=", negotiation.id)
          .where("slug", "=", value)
          .executeTakeFirst()) !== undefined;
      if (!((await has("Issue", issue)) && (await has("Party", party)))) return false;
      if (draft === undefined) return true;
      const row = await source
        .selectFrom("Draft")
        .select("id")
        .where("negotiationId", "=", negotiation.id)
        .where("slug", "=", draft)
        .executeTakeFirst();
      if (!row) return false;
      return (
        point === undefined ||
        (await source
          .selectFrom("DraftPoint")
          .select("id")
          .where("draftId", "=", row.id)
          .where("number", "=", point)
          .executeTakeFirst()) !== undefined
      );
    } catch {
      return null;
    }
  };
  let known: { version: string | null; answers: Map<string, boolean> } = { version: null, answers: new Map() };
  const reader: TServerReader = {
    version: () => {
      const now = Date.now();
      if (remembered === null || now - remembered.at >= VERSION_MS) remembered = { at: now, value: read() };
      return remembered.value;
    },
    forget: () => {
      remembered = null;
    },
    pageExists: async (pathname) => {
      const found = matchRoute(pathname);
      const { slug, issue, party, draft, number } = found?.params ?? {};
      if (!found || found.route.startsWith("api") || slug === undefined) return true;
      const version = await reader.version();
      if (version === null) return null;
      if (known.version !== version) known = { version, answers: new Map() };
      const key = JSON.stringify([slug, issue, party, draft, number]);
      const cached = known.answers.get(key);
      if (cached !== undefined) return cached;
      const answer = await lookUp(slug, issue, party, draft, number);
      if (answer !== null && known.answers.size < KNOWN_PAGES) known.answers.set(key, answer);
      return answer;
    },
    close: async () => {
      await db?.destroy();
      db = null;
    },
  };
  return reader;
}

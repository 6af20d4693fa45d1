import path from "node:path";
import { fileURLToPath } from "node:url";

// The one reading of DATABASE_URL. A `file:` URL names a SQLite file (the embedded default); a
// `postgresql://` (or `postgres://`) URL names a PostgreSQL database, the engine several app
// instances share. Every message names the setting and never repeats a password.

/** The database a process uses when DATABASE_URL is unset, relative to the working directory. */
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export type TDatabaseTarget = { engine: "sqlite"; file: string } | { engine: "postgres"; url: string; display: string };

const USAGE =
  "DATABASE_URL must be a SQLite file URL such as file:./prisma/dev.db, or a PostgreSQL URL such as postgresql://user:password@host:5432/db";

/** A URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:****@");
  }
}

/**
 * The engine and address DATABASE_URL names, resolved against `cwd` for a file. Unset or blank
 * means the default file. Throws a plain message for anything else (another scheme, `file:` alone,
 * a trailing slash, query parameters on a file URL, a PostgreSQL URL without a database name).
 */
export function parseDatabaseUrl(raw: string | undefined, cwd: string = process.cwd()): TDatabaseTarget {
  const url = raw === undefined || raw.trim() === "" ? DEFAULT_DATABASE_URL : raw.trim();
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`${USAGE} (the PostgreSQL URL ${redactUrl(url)} cannot be read)`);
    }
    if (!parsed.hostname || parsed.pathname.length <= 1)
      throw new Error(`${USAGE} (the PostgreSQL URL ${redactUrl(url)} names no host or no database)`);
    return { engine: "postgres", url, display: redactUrl(url) };
  }
  return { engine: "sqlite", file: resolveDatabaseFile(url, cwd) };
}

/**
 * The absolute path of the SQLite file a `file:` URL names, resolved against `cwd`. Unset or blank
 * means the default. Throws a plain message for anything that is not a file URL naming a file.
 */
export function resolveDatabaseFile(raw: string | undefined, cwd: string = process.cwd()): string {
  const url = raw === undefined || raw.trim() === "" ? DEFAULT_DATABASE_URL : raw.trim();
  if (!url.startsWith("file:")) throw new Error(USAGE);
  if (url.includes("?") || url.includes("#")) throw new Error(`${USAGE}; a file URL takes no query parameters`);
  let file: string;
  try {
    file = url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
  } catch {
    throw new Error(USAGE);
  }
  if (file === "" || file.endsWith("/") || file.endsWith(path.sep)) throw new Error(`${USAGE}; a file URL must name a file`);
  return path.resolve(cwd, file);
}

/** The `file:` URL of an absolute path, as Prisma's CLI expects it. */
export function toDatabaseUrl(file: string): string {
  return `file:${file}`;
}

/**
 * A plain message for a database that cannot be reached or used, naming the setting and never the
 * password: a refused or unknown host, a wrong password, a missing database.
 */
export function describeConnectionError(error: unknown, target: TDatabaseTarget): string {
  if (target.engine === "sqlite") return (error as Error).message;
  const e = error as { code?: string; message?: string };
  const where = `the PostgreSQL database named by DATABASE_URL (${target.display})`;
  if (e.code === "ECONNREFUSED") return `Cannot reach ${where}: the connection was refused. Is the server running, on that host and port?`;
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN") return `Cannot reach ${where}: the host name is unknown.`;
  if (e.code === "ETIMEDOUT") return `Cannot reach ${where}: the connection timed out.`;
  if (e.code === "28P01" || e.code === "28000") return `Cannot sign in to ${where}: the user name or password is not accepted.`;
  if (e.code === "3D000") return `Cannot open ${where}: that database does not exist; create it first.`;
  return `Cannot use ${where}: ${String(e.message ?? error).replaceAll(target.url, target.display)}`;
}

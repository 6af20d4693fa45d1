import path from "node:path";
import { fileURLToPath } from "node:url";

/** The database a process uses when DATABASE_URL is unset, relative to the working directory. */
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

const USAGE = "DATABASE_URL must be a SQLite file URL such as file:./prisma/dev.db";

/**
 * The one reading of DATABASE_URL: the absolute path of the SQLite file it names, resolved against
 * `cwd`. Unset or blank means the default. Throws a plain message for anything that is not a file
 * URL naming a file (another scheme, `file:` alone, a trailing slash, query parameters such as
 * `?mode=ro`, which the server and set-up would read differently).
 */
export function resolveDatabaseFile(raw: string | undefined, cwd: string = process.cwd()): string {
  const url = raw === undefined || raw.trim() === "" ? DEFAULT_DATABASE_URL : raw.trim();
  if (!url.startsWith("file:")) throw new Error(USAGE);
  if (url.includes("?") || url.includes("#")) throw new Error(`${USAGE}, without query parameters`);
  let file: string;
  try {
    file = url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
  } catch {
    throw new Error(USAGE);
  }
  if (file === "" || file.endsWith("/") || file.endsWith(path.sep)) throw new Error(`${USAGE}, naming a file`);
  return path.resolve(cwd, file);
}

/** The `file:` URL of an absolute path, as Prisma's CLI expects it. */
export function toDatabaseUrl(file: string): string {
  return `file:${file}`;
}

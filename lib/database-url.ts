import { z } from "zod";

/** The database a process uses when DATABASE_URL is unset. */
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

const ZDatabaseUrl = z
  .string()
  .trim()
  .regex(/^file:.+/, "DATABASE_URL must be a SQLite file URL such as file:./prisma/dev.db");

/** Validates DATABASE_URL (a SQLite `file:` URL), falling back to the default; throws a plain message when malformed. */
export function resolveDatabaseUrl(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === "") return DEFAULT_DATABASE_URL;
  const parsed = ZDatabaseUrl.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Invalid DATABASE_URL");
  return parsed.data;
}

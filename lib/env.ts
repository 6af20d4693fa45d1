import { resolveDatabaseUrl } from "./database-url";

/** The process environment, validated once: a malformed DATABASE_URL fails at start-up with a plain message. */
export const env = {
  databaseUrl: resolveDatabaseUrl(process.env.DATABASE_URL),
};

// Prepares the database before the server starts, on either engine: a new SQLite file is created;
// the committed migrations of the engine are applied (an existing database is never wiped);
// derived text is filled where older rows lack it; an empty database is seeded. DATABASE_URL names
// the database (default prisma/dev.db). Needs no devDependency: lib/db/migrate.ts applies the
// migrations, not Prisma's CLI.
import { checkAuthSecret } from "@/lib/auth/better-auth";
import { closeDb, getDatabaseTarget } from "@/lib/db/connection";
import { prepareDatabase } from "@/lib/write/setup";
import { ROOT, SEED_DIR } from "@/scripts/paths";

try {
  const target = getDatabaseTarget();
  checkAuthSecret();
  const { created, applied, seeded } = await prepareDatabase(ROOT, SEED_DIR);
  const migrated = applied.length > 0 ? ` (${applied.length} migration${applied.length === 1 ? "" : "s"} applied)` : "";
  await closeDb();
  const where = target.engine === "sqlite" ? target.file : `PostgreSQL ${target.display}`;
  console.log(`Database ready: ${where}${created ? " (created)" : ""}${migrated}${seeded ? " (seeded)" : " (data kept)"}`);
} catch (error) {
  console.error(`Database set-up failed: ${(error as Error).message}`);
  await closeDb().catch(() => {});
  process.exit(1);
}

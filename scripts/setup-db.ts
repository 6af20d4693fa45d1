// Prepares the database before the server starts: an absent file is created, migrated and seeded;
// an existing one is only migrated (never wiped). DATABASE_URL picks the file (default prisma/dev.db).
// Needs no devDependency: the migrations are applied by lib/migrate.ts, not Prisma's CLI.
import { countNegotiations, migrateDatabase, seedDossiers } from "../lib/queries/setup-database";
import { closeDatabase, getDatabaseFile } from "../lib/db";
import { MIGRATIONS_DIR, SEED_DIR } from "./paths";

try {
  const { created, applied } = migrateDatabase(MIGRATIONS_DIR);
  // Seed a new file, and one whose first seeding was interrupted (migrated but still empty).
  const isEmpty = countNegotiations() === 0;
  if (isEmpty) seedDossiers(SEED_DIR);
  const migrated = applied.length > 0 ? ` (${applied.length} migration${applied.length === 1 ? "" : "s"} applied)` : "";
  closeDatabase();
  console.log(`Database ready: ${getDatabaseFile()}${created ? " (created)" : ""}${migrated}${isEmpty ? " (seeded)" : " (data kept)"}`);
} catch (error) {
  console.error(`Database set-up failed: ${(error as Error).message}`);
  process.exit(1);
}

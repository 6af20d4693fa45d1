// `prisma db seed` and `npm run db:seed`: imports every dossier in prisma/seed-data/ (replacing each).
import { closeDb } from "@/lib/db/connection";
import { migrateDatabase, seedDossiers } from "@/lib/write/setup";
import { ROOT, SEED_DIR } from "@/scripts/paths";

try {
  await migrateDatabase(ROOT);
  for (const summary of await seedDossiers(SEED_DIR)) {
    console.log(
      `Seeded ${summary.slug} from ${summary.file}: ${summary.issues} issues, ${summary.parties} parties, ${summary.cells} cells`,
    );
  }
} catch (error) {
  console.error(`Seeding failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}

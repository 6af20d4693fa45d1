// `prisma db seed` and `npm run db:seed`: imports every dossier in prisma/seed-data/ (replacing each).
import { closeDatabase } from "../lib/db";
import { seedDossiers } from "../lib/queries/setup-database";
import { SEED_DIR } from "./paths";

for (const summary of seedDossiers(SEED_DIR)) {
  console.log(`Seeded ${summary.slug} from ${summary.file}: ${summary.issues} issues, ${summary.parties} parties, ${summary.cells} cells`);
}
closeDatabase();

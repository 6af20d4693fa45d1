// npm run dossier:import -- FILE.json [--replace]
// Validates a dossier and writes it through the one write path; lists every problem and writes
// nothing when it is invalid.
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db/connection";
import { isAppError } from "@/lib/domain/errors";
import { importNegotiation } from "@/lib/write/dossier";
import { migrateDatabase, readDossierFile } from "@/lib/write/setup";
import { ROOT } from "@/scripts/paths";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const USAGE = "Usage: npm run dossier:import -- FILE.json [--replace]";

function readArgs(): { file: string; replace: boolean } {
  try {
    const { positionals, values } = parseArgs({ allowPositionals: true, options: { replace: { type: "boolean", default: false } } });
    if (positionals.length !== 1) throw new Error("Name one dossier file.");
    return { file: positionals[0]!, replace: values.replace };
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}

const { file, replace } = readArgs();
const started = performance.now();
try {
  await migrateDatabase(ROOT);
  const raw = readDossierFile(file);
  const s = await importNegotiation(raw, { replace });
  await closeDb();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${s.replaced ? "Replaced" : "Imported"} ${s.slug}: ${s.issues} issues, ${s.parties} parties, ${s.cells} cells, ${s.versions} versions, ${s.sources} sources, ${s.citations} citations, ${s.redLines} red lines, ${s.points} points, ${s.links} links in ${seconds.toFixed(2)} s (peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`,
  );
} catch (error) {
  await closeDb();
  if (isAppError(error, "invalid")) fail(`${file}: nothing was written.\n${error.message}`);
  fail(`${file}: nothing was written. ${(error as Error).message}`);
}

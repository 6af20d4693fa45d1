// Re-imports two versions of a dossier in turn, as fast as it can, until it has done `count` writes:
// the writer of the torn-read test. Runs as its own process, as an editor's import would.
import { readFileSync } from "node:fs";
import { closeDb } from "@/lib/db/connection";
import { importNegotiation } from "@/lib/write/dossier";

const [fileA, fileB, count] = process.argv.slice(2);
const versions = [JSON.parse(readFileSync(fileA!, "utf8")), JSON.parse(readFileSync(fileB!, "utf8"))];
for (let i = 0; i < Number(count); i++) await importNegotiation(versions[i % 2], { replace: true });
await closeDb();

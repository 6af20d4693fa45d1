// Adds the small hand-checkable fixture dossier to a test database, through the one write path.
import { closeDb } from "@/lib/db/connection";
import { importNegotiation } from "@/lib/write/dossier";
import { FIXTURE } from "@/tests/fixtures/negotiation";

await importNegotiation(FIXTURE, { replace: false });
await closeDb();

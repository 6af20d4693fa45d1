// Adds the small hand-checkable fixture dossier to a test database, through the one write path.
import { closeDatabase } from "@/lib/db";
import { importNegotiation } from "@/lib/queries/write-negotiation";
import { FIXTURE } from "../fixtures/negotiation";

importNegotiation(FIXTURE, { replace: false });
closeDatabase();

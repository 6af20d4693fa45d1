import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { TMP } from "@/tests/support/paths";

// Each test file gets its own copy of the base database, set before lib/db.ts is imported.
const copy = path.join(TMP, `test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
copyFileSync(inject("baseDatabase"), copy);
process.env.DATABASE_URL = `file:${copy}`;

import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { resolveDatabaseFile, toDatabaseUrl } from "./lib/database-url";

const root = path.dirname(fileURLToPath(import.meta.url));

// Prisma's CLI downloads a native schema engine from a host that air-gapped machines cannot reach.
// The stand-in runs the same engine compiled to WebAssembly from npm (see scripts/schema-engine.mjs).
// The CLI is a development tool here: at run time, scripts/setup-db.ts applies the migrations itself.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "scripts", "schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "node --conditions=react-server --import tsx scripts/seed.ts",
  },
  datasource: {
    url: toDatabaseUrl(resolveDatabaseFile(process.env.DATABASE_URL)),
  },
});

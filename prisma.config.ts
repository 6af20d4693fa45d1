import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { parseDatabaseUrl, toDatabaseUrl } from "./lib/db/url";

const root = path.dirname(fileURLToPath(import.meta.url));

// Prisma's CLI downloads a native schema engine from a host that air-gapped machines cannot reach.
// The stand-in runs the same engine compiled to WebAssembly from npm (see scripts/schema-engine.mjs).
// The CLI is a development tool here: at run time, the start-up migrator applies the migrations.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "scripts", "schema-engine.mjs");

// Each engine has its schema file and migration history (Prisma ties one history to one provider).
const target = parseDatabaseUrl(process.env.DATABASE_URL);
const postgres = target.engine === "postgres";

export default defineConfig({
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: {
    path: postgres ? "prisma/postgres/migrations" : "prisma/migrations",
    seed: "node --conditions=react-server --import tsx scripts/seed.ts",
  },
  datasource: { url: target.engine === "postgres" ? target.url : toDatabaseUrl(target.file) },
});

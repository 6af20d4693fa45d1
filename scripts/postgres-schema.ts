// `npm run db:schemas`: writes prisma/postgres/schema.prisma from prisma/schema.prisma. Prisma ties a
// schema (and its migration history) to one provider, so PostgreSQL has a schema file of its own;
// it is this one with another provider and client output, never edited by hand (a test holds them equal).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { toPostgresSchema } from "@/lib/db/schema-files";
import { ROOT } from "@/scripts/paths";

const source = readFileSync(path.join(ROOT, "prisma", "schema.prisma"), "utf8");
writeFileSync(path.join(ROOT, "prisma", "postgres", "schema.prisma"), toPostgresSchema(source));
console.log("Wrote prisma/postgres/schema.prisma");

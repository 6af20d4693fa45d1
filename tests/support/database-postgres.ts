import { inject } from "vitest";
import { createDatabaseFrom, TEST_AUTH_SECRET } from "@/tests/support/postgres";

// Each test file gets its own copy of the base database on PostgreSQL, set before lib/db is imported.
const name = `${inject("postgresRunPrefix")}${Math.random().toString(36).slice(2, 10)}`;
process.env.DATABASE_URL = await createDatabaseFrom(inject("postgresAdminUrl"), name, inject("postgresBase"));
process.env.BETTER_AUTH_SECRET = TEST_AUTH_SECRET;

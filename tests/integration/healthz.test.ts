import { sql } from "kysely";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/healthz/route";
import { getDb, getEngine } from "@/lib/db/connection";
import { committedMigrationNames, migrationsDirOf } from "@/lib/db/migrate";
import { ROOT } from "@/tests/support/paths";

describe("GET /healthz", () => {
  it("is 200 while the database is reachable and has every migration of its engine", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    // The committed migrations of the engine, counted from its folder (the route's own reading of it is what is under test).
    const committed = committedMigrationNames(migrationsDirOf(getEngine(), ROOT));
    expect(committed.length).toBeGreaterThan(0);
    expect(await response.json()).toEqual({ status: "ok", engine: getEngine(), migrations: committed.length });
  });

  it("is 503 with a plain reason when the database lacks a migration", async () => {
    const db = getDb();
    const { rows } = await sql<{ name: string }>`SELECT MAX("migration_name") AS "name" FROM "_prisma_migrations"`.execute(db);
    await sql`UPDATE "_prisma_migrations" SET "migration_name" = 'renamed' WHERE "migration_name" = ${rows[0]!.name}`.execute(db);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: "The database lacks 1 migration(s); run the set-up (npm start applies them)." });
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      await sql`UPDATE "_prisma_migrations" SET "migration_name" = ${rows[0]!.name} WHERE "migration_name" = 'renamed'`.execute(db);
    }
  });
});

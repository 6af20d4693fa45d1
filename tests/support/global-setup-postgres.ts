import type { TestProject } from "vitest/node";
import { hashInputs, run } from "@/tests/support/global-setup";
import { admin, databaseUrl, TEST_AUTH_SECRET, postgresForTests } from "@/tests/support/postgres";

/**
 * The PostgreSQL suite's base: a migrated, seeded template database (the seed dossiers plus the test
 * fixture), built once per hash of its inputs and kept on a server given by TEST_POSTGRES_URL; each
 * test file copies it (tests/support/database-postgres.ts). The copies of this run are dropped at
 * the end, and a throwaway cluster is stopped.
 */
export default async function setup(project: TestProject) {
  const server = await postgresForTests();
  const base = `npd_base_${hashInputs()}`;
  const run_ = `npd_run_${process.pid}_`;
  const databases = async () =>
    admin(server.adminUrl, async (c) =>
      (await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'npd_%'`)).rows.map((r) => r.datname),
    );
  try {
    if (!(await databases()).includes(base)) {
      // Older bases go; a base half-built by a stopped run is built again under a new name, then renamed into place.
      for (const old of (await databases()).filter((d) => d.startsWith("npd_base_")))
        await admin(server.adminUrl, (c) => c.query(`DROP DATABASE "${old}" WITH (FORCE)`));
      const building = `npd_building_${process.pid}`;
      await admin(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`));
      await admin(server.adminUrl, (c) => c.query(`CREATE DATABASE "${building}"`));
      const url = databaseUrl(server.adminUrl, building);
      run("scripts/setup-db.ts", url, { BETTER_AUTH_SECRET: TEST_AUTH_SECRET });
      run("tests/support/seed-fixture.ts", url, { BETTER_AUTH_SECRET: TEST_AUTH_SECRET });
      await admin(server.adminUrl, (c) => c.query(`ALTER DATABASE "${building}" RENAME TO "${base}"`));
    }
  } catch (error) {
    server.stop();
    throw error;
  }
  project.provide("postgresAdminUrl", server.adminUrl);
  project.provide("postgresBase", base);
  project.provide("postgresRunPrefix", run_);
  return async () => {
    try {
      for (const name of (await databases()).filter((d) => d.startsWith(run_)))
        await admin(server.adminUrl, (c) => c.query(`DROP DATABASE "${name}" WITH (FORCE)`));
    } finally {
      server.stop();
    }
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresBase: string;
    postgresRunPrefix: string;
  }
}

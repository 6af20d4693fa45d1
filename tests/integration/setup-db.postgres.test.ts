// PostgreSQL's own cases of the set-up (what npm start runs first): an empty database is migrated
// and seeded, a running one only migrated; a foreign database, an unreachable server, a database
// that does not exist and a missing cookie secret stop it with a message that names the setting
// and never prints the password.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { admin, databaseUrl, TEST_AUTH_SECRET } from "@/tests/support/postgres";
import { ROOT } from "@/tests/support/paths";

function setup(databaseUrl: string, env: Record<string, string | undefined> = { BETTER_AUTH_SECRET: TEST_AUTH_SECRET }) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", "setup-db.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    encoding: "utf8",
  });
}

const adminUrl = inject("postgresAdminUrl");
const fresh = async (suffix: string) => {
  const name = `${inject("postgresRunPrefix")}${suffix}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(adminUrl, name);
};
/** The URL with a password in it (trust authentication ignores it), to check that no message repeats it. */
const withPassword = (url: string) => url.replace("postgresql://postgres@", "postgresql://postgres:hunter2secret@");

describe("scripts/setup-db.ts on PostgreSQL", () => {
  it("migrates and seeds an empty database, then only migrates it, keeping its data", async () => {
    const url = await fresh("setup");
    const first = setup(withPassword(url));
    expect(first.stderr).toBe("");
    const migrations = readdirSync(path.join(ROOT, "prisma", "postgres", "migrations"), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    );
    expect(first.stdout).toMatch(
      new RegExp(
        String.raw`^Database ready: PostgreSQL postgresql://postgres:\*\*\*\*@[^ ]+ \(${migrations.length} migrations? applied\) \(seeded\)\n$`,
      ),
    );
    const second = setup(url);
    expect(second.stdout).toContain("(data kept)");
    expect(second.stdout).not.toContain("applied");
  });

  it("refuses a database of something else instead of adding tables to it", async () => {
    const url = await fresh("foreign");
    await admin(url, (c) => c.query(`CREATE TABLE "invoices" ("id" integer PRIMARY KEY)`));
    const result = setup(url);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Database set-up failed: The PostgreSQL database at DATABASE_URL has tables but no migration history; point DATABASE_URL at a new database or at this app's database.",
    );
    expect(
      (await admin(url, (c) => c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`))).rows,
    ).toEqual([{ table_name: "invoices" }]);
  });

  it.each([
    ["an unreachable server", "postgresql://app:hunter2secret@127.0.0.1:1/positions", "the connection was refused"],
    ["a database that does not exist", withPassword(databaseUrl(adminUrl, "no_such_database")), "that database does not exist"],
  ])("stops on %s with a message that names DATABASE_URL and hides the password", (_, url, reason) => {
    const result = setup(url);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL");
    expect(result.stderr).toContain(reason);
    expect(result.stderr).not.toContain("hunter2secret");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("stops without BETTER_AUTH_SECRET, naming it", async () => {
    const result = setup(await fresh("nosecret"), { BETTER_AUTH_SECRET: "" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("BETTER_AUTH_SECRET is not set");
  });
});

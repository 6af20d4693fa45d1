import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ROOT, TMP } from "@/tests/support/paths";

function setup(databaseUrl: string) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", "setup-db.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
}

// The SQLite file's own cases: a foreign file, file permissions, folders. (setup-db.postgres.test.ts has PostgreSQL's.)
describe("scripts/setup-db.ts (what npm start runs first)", () => {
  it("refuses a database of something else instead of adding tables to it", () => {
    const foreign = path.join(TMP, `foreign-${process.pid}.db`);
    const db = new Database(foreign);
    db.exec(`CREATE TABLE "invoices" ("id" INTEGER PRIMARY KEY)`);
    db.close();
    const result = setup(`file:${foreign}`);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Database set-up failed: The file at DATABASE_URL is a SQLite database that has tables but no migration history; point DATABASE_URL at a new database or at this app's database.",
    );
    const check = new Database(foreign, { readonly: true });
    expect(check.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'table'`).pluck().all()).toEqual(["invoices"]);
    check.close();
  });

  it("creates, migrates and seeds an absent file, then only migrates it, keeping its data", () => {
    const target = path.join(TMP, `setup-${process.pid}.db`);
    const first = setup(`file:${target}`);
    const migrations = readdirSync(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
    expect(first.stdout).toContain(`(created) (${migrations} migrations applied) (seeded)`);
    // It holds password hashes: readable and writable by its owner only, whatever the umask.
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const db = new Database(target);
    db.prepare(`UPDATE "Negotiation" SET "summary" = 'edited by hand' WHERE "id" = 1`).run();
    db.close();
    const second = setup(`file:${target}`);
    expect(second.stdout).toContain("(data kept)");
    expect(second.stdout).not.toContain("applied");
    const check = new Database(target, { readonly: true });
    expect(check.prepare(`SELECT "summary" FROM "Negotiation" WHERE "id" = 1`).pluck().get()).toBe("edited by hand");
    check.close();
  });

  it("refuses a folder it cannot write to, in plain words", () => {
    // Root may write to any ordinary folder, but the kernel refuses writes in /proc/sys even to root;
    // other users get a folder of their own made read-only.
    const isRoot = process.getuid?.() === 0;
    const folder = isRoot ? "/proc/sys" : mkdtempSync(path.join(tmpdir(), "read-only-"));
    if (!isRoot) chmodSync(folder, 0o555);
    const result = setup(`file:${path.join(folder, "app.db")}`);
    if (!isRoot) rmSync(folder, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Database set-up failed: The folder for the database (DATABASE_URL) is read-only; choose a folder this process can write to.",
    );
  });

  it.each([
    ["mysql://localhost/db", "DATABASE_URL must be a SQLite file URL such as file:./prisma/dev.db, or a PostgreSQL URL"],
    ["file:", "a file URL must name a file"],
    ["file:./prisma/dev.db?mode=ro", "a file URL takes no query parameters"],
    [
      `file:${path.join(TMP, "no-such-folder", "x.db")}`,
      "Database set-up failed: The folder for the database (DATABASE_URL) does not exist.",
    ],
    [`file:${TMP}`, "Database set-up failed: DATABASE_URL names a folder; it must name a database file."],
  ])("refuses DATABASE_URL %s with a plain message and no stack trace", (url, message) => {
    mkdirSync(TMP, { recursive: true });
    const result = setup(url);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

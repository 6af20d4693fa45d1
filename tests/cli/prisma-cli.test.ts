import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ROOT, TMP } from "../support/paths";

const file = path.join(TMP, `cli-${process.pid}.db`);

/** Runs the project's Prisma CLI the way a developer would, with no engine download possible. */
function prisma(...args: string[]) {
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "prisma"), args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}`, PATH: `${path.join(ROOT, "node_modules", ".bin")}:${process.env.PATH}` },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function count(table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("Prisma CLI through the WebAssembly schema engine", () => {
  it("deploys, reports status, seeds, finds no drift, and resets a fresh file", () => {
    const deploy = prisma("migrate", "deploy");
    expect(deploy.output).toContain("All migrations have been successfully applied");
    expect(deploy.status).toBe(0);

    const status = prisma("migrate", "status");
    expect(status.output).toContain("Database schema is up to date!");

    expect(prisma("db", "seed").status).toBe(0);
    expect(count("Position")).toBe(65);

    const dev = prisma("migrate", "dev", "--name", "no-change");
    expect(dev.output).toContain("Already in sync");
    expect(readdirSync(path.join(ROOT, "prisma", "migrations")).some((d) => d.endsWith("no-change"))).toBe(false);

    const reset = prisma("migrate", "reset", "--force");
    expect(reset.status).toBe(0);
    expect(count("Position")).toBe(0);
    expect(count("_prisma_migrations")).toBe(1);
    expect(existsSync(`${file}-journal`)).toBe(false);
  });

  it("validates and generates without downloading anything", () => {
    expect(prisma("validate").output).toContain("is valid");
    expect(prisma("generate", "--no-hints").status).toBe(0);
  });
});

describe("scripts/setup-db.mjs (what npm start runs first)", () => {
  const target = path.join(TMP, `setup-${process.pid}.db`);
  const setup = () =>
    spawnSync(process.execPath, [path.join(ROOT, "scripts", "setup-db.mjs")], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${target}` },
      encoding: "utf8",
    });

  it("creates and seeds an absent file, then only migrates it, keeping its data", () => {
    const first = setup();
    expect(first.stdout).toContain("(created) (seeded)");
    const db = new Database(target);
    db.prepare(`UPDATE "Position" SET "summary" = 'edited by hand' WHERE "id" = 1`).run();
    db.close();
    const second = setup();
    expect(second.stdout).toContain("(migrated, data kept)");
    const check = new Database(target, { readonly: true });
    expect((check.prepare(`SELECT "summary" FROM "Position" WHERE "id" = 1`).get() as { summary: string }).summary).toBe("edited by hand");
    check.close();
  });

  it("refuses a DATABASE_URL that is not a SQLite file URL, with a plain message", () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "scripts", "setup-db.mjs")], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "postgres://localhost/db" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("DATABASE_URL must be a SQLite file URL such as file:./prisma/dev.db");
  });
});

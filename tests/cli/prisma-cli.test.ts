import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "@/tests/support/paths";

// The CLI runs in a temporary copy of the project's Prisma files (and the code its config and seed
// load), so it never touches the repository's migrations folder or generated client.
const project = mkdtempSync(path.join(os.tmpdir(), "prisma-cli-"));
for (const part of ["prisma", "lib", "scripts", "prisma.config.ts", "package.json", "tsconfig.json"]) {
  cpSync(path.join(ROOT, part), path.join(project, part), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}generated`) && !src.endsWith(".db"),
  });
}
symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
const file = path.join(project, "cli.db");
afterAll(() => rmSync(project, { recursive: true, force: true }));

function run(command: string, args: string[], databaseFile = file) {
  const result = spawnSync(command, args, {
    cwd: project,
    env: {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      PATH: `${path.join(project, "node_modules", ".bin")}:${process.env.PATH}`,
    },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
/** Runs Prisma's CLI the way a developer would, with no engine download possible. */
const prisma = (...args: string[]) => run(path.join(project, "node_modules", ".bin", "prisma"), args);

function count(table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("Prisma CLI through the WebAssembly schema engine", () => {
  it("validates and generates without downloading anything", () => {
    expect(prisma("validate").output).toContain("is valid");
    expect(prisma("generate", "--no-hints").status).toBe(0);
    expect(existsSync(path.join(project, "lib", "generated", "kysely", "types.ts"))).toBe(true);
  });

  it("deploys, reports status, seeds, finds no drift, and resets a fresh file", () => {
    const deploy = prisma("migrate", "deploy");
    expect(deploy.output).toContain("All migrations have been successfully applied");
    expect(deploy.status).toBe(0);
    expect(prisma("migrate", "status").output).toContain("Database schema is up to date!");

    expect(prisma("db", "seed").status).toBe(0);
    // Every seeded dossier: one current row per cell, one row per version in the files.
    const seeds = readdirSync(path.join(ROOT, "prisma", "seed-data")).map((f) =>
      JSON.parse(readFileSync(path.join(ROOT, "prisma", "seed-data", f), "utf8")),
    );
    expect(seeds.length).toBeGreaterThan(1);
    expect(count("Position")).toBe(seeds.reduce((n, s) => n + s.issues.length * s.parties.length, 0));
    expect(count("PositionVersion")).toBe(seeds.reduce((n, s) => n + s.positions.length, 0));

    const dev = prisma("migrate", "dev", "--name", "no-change");
    expect(dev.output).toContain("Already in sync");
    expect(readdirSync(path.join(project, "prisma", "migrations")).some((d) => d.endsWith("no-change"))).toBe(false);

    const reset = prisma("migrate", "reset", "--force");
    expect(reset.status).toBe(0);
    expect(count("Position")).toBe(0);
    expect(count("_prisma_migrations")).toBe(
      readdirSync(path.join(project, "prisma", "migrations")).filter((d) => !d.endsWith(".toml")).length,
    );
    expect(existsSync(`${file}-journal`)).toBe(false);
  });

  it("agrees with the start-up migrator: a database it set up is up to date for the CLI", () => {
    const setup = run(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/setup-db.ts"],
      path.join(project, "setup.db"),
    );
    expect(setup.status).toBe(0);
    const status = spawnSync(path.join(project, "node_modules", ".bin", "prisma"), ["migrate", "status"], {
      cwd: project,
      env: { ...process.env, DATABASE_URL: `file:${path.join(project, "setup.db")}` },
      encoding: "utf8",
    });
    expect(`${status.stdout}${status.stderr}`).toContain("Database schema is up to date!");
  });
});

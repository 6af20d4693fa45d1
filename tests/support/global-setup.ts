import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { CACHE, ROOT, TMP } from "@/tests/support/paths";

/** The files a base database is built from: a change to any of them builds a new one. */
function listInputs(): string[] {
  const under = (dir: string) => readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f));
  return [
    ...under("prisma/migrations"),
    ...under("prisma/seed-data"),
    ...under("lib").filter((f) => !f.startsWith(path.join("lib", "generated"))),
    "scripts/setup-db.ts",
    "tests/fixtures/negotiation.ts",
    "tests/support/seed-fixture.ts",
  ]
    .filter((f) => [".ts", ".mjs", ".sql", ".json"].some((ext) => f.endsWith(ext)))
    .sort();
}

export function hashInputs(): string {
  const hash = createHash("sha256");
  for (const file of listInputs()) hash.update(file).update(readFileSync(path.join(ROOT, file)));
  return hash.digest("hex").slice(0, 16);
}

/** Runs a script of the project on a database (a file, or a PostgreSQL URL). */
export function run(script: string, database: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.includes("://") ? database : `file:${database}`, ...env },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Could not build the test database (${script}):\n${result.stdout}\n${result.stderr}`);
}

/**
 * Builds the migrated, seeded base database (the seed dossiers plus the test fixture) once, and
 * reuses it while its inputs are unchanged; each test file copies it.
 */
export default function setup(project: TestProject) {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  mkdirSync(CACHE, { recursive: true });
  const base = path.join(CACHE, `base-${hashInputs()}.db`);
  if (!existsSync(base)) {
    for (const old of readdirSync(CACHE)) rmSync(path.join(CACHE, old), { force: true });
    const building = `${base}.building-${process.pid}`;
    run("scripts/setup-db.ts", building);
    run("tests/support/seed-fixture.ts", building);
    // A run stopped mid-build never leaves a half-built base behind: only a finished one is renamed into place.
    renameSync(building, base);
  }
  project.provide("baseDatabase", base);
}

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabase: string;
  }
}

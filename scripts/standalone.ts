// Completes a build's self-contained server (Next's standalone output): the static files and the
// public folder Next leaves out, the migrations and seed dossiers the set-up reads, the name of the
// build, and the entry (scripts/standalone-server.ts) bundled into one file with esbuild, leaving
// out only what the standalone folder's node_modules holds (Next, and the database drivers).
import { cpSync, existsSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { BUILDS_DIR } from "@/scripts/builds";
import { ROOT } from "@/scripts/paths";

/** Writes the rest of build `name`'s standalone folder; returns its path. */
export async function completeStandalone(name: string): Promise<string> {
  const folder = path.join(BUILDS_DIR, name);
  const standalone = path.join(folder, "standalone");
  const distDir = path.join(standalone, ".next", "builds", name);
  cpSync(path.join(folder, "static"), path.join(distDir, "static"), { recursive: true });
  if (existsSync(path.join(ROOT, "public"))) cpSync(path.join(ROOT, "public"), path.join(standalone, "public"), { recursive: true });
  for (const data of [path.join("prisma", "migrations"), path.join("prisma", "postgres", "migrations"), path.join("prisma", "seed-data")])
    cpSync(path.join(ROOT, data), path.join(standalone, data), { recursive: true });
  mkdirSync(path.join(standalone, ".next", "builds"), { recursive: true });
  writeFileSync(path.join(standalone, ".next", "builds", "current"), name);
  await build({
    entryPoints: [path.join(ROOT, "scripts", "standalone-server.ts")],
    outfile: path.join(standalone, "server.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Server-only modules are imported as React's server build imports them.
    conditions: ["react-server"],
    external: ["next", "better-sqlite3", "pg", "pg/*", "pg-native"],
    alias: { "@": ROOT },
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    logLevel: "warning",
  });
  return standalone;
}

/** The stable address of the current build's standalone folder: `.next/standalone`, a link replaced in one step. */
export function linkStandalone(name: string): void {
  const link = path.join(ROOT, ".next", "standalone");
  const temporary = `${link}.${process.pid}`;
  symlinkSync(path.join("builds", name, "standalone"), temporary);
  renameSync(temporary, link);
}

// Builds the app when there is no build or the sources changed since the last one (`--force`
// always builds). A restart with an up-to-date build starts at once, and needs no devDependency.
// Each build goes into a new folder (scripts/builds.ts), so a running server is never disturbed;
// stopping this command stops the build with every process it started.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BUILDS_DIR, currentBuild, distDirOf, pruneBuilds, setCurrentBuild, SOURCE_HASH_FILE, startBuild } from "@/scripts/builds";
import { ROOT } from "@/scripts/paths";
import { completeStandalone, linkStandalone } from "@/scripts/standalone";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
  // The self-contained server's entry and what it bundles.
  "scripts/server.ts",
  "scripts/setup-db.ts",
  "scripts/standalone-server.ts",
  "scripts/standalone.ts",
];

/** A hash of every file the build reads (the generated Prisma client follows from the schema). */
function hashSources(): string {
  const hash = createHash("sha256");
  const files = SOURCES.flatMap((entry) => {
    const full = path.join(ROOT, entry);
    if (!existsSync(full)) return [];
    if (!entry.includes("."))
      return readdirSync(full, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => path.join(d.parentPath, d.name));
    return [full];
  })
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`))
    .sort();
  for (const file of files) hash.update(path.relative(ROOT, file)).update(readFileSync(file));
  return hash.digest("hex");
}

/** Runs `next build` into a new folder, in a process group of its own that a signal stops whole. */
async function build(hash: string): Promise<number> {
  const { name, release } = startBuild(hash);
  const folder = path.join(BUILDS_DIR, name);
  // Next rewrites the tsconfig it is given to include its distDir's types: give it one of its own.
  const tsconfig = `${folder}.tsconfig.json`;
  writeFileSync(tsconfig, JSON.stringify({ extends: "../../tsconfig.json", include: ["../../**/*.ts", "../../**/*.tsx"] }));
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDirOf(name), NEXT_TSCONFIG: path.relative(ROOT, tsconfig) },
  });
  const stop = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  process.on("SIGINT", stop).on("SIGTERM", stop).on("SIGHUP", stop);
  const code = await new Promise<number>((resolve) => child.on("exit", (status, signal) => resolve(status ?? (signal ? 1 : 0))));
  stop("SIGKILL"); // any worker the build left behind
  let completed = code === 0;
  if (completed) {
    try {
      const standalone = await completeStandalone(name);
      console.log(
        `Self-contained server: ${path.relative(ROOT, standalone)}, also at .next/standalone (run \`node server.mjs\` in it; see the README)`,
      );
    } catch (error) {
      console.error(`The self-contained server could not be written: ${(error as Error).message}`);
      completed = false;
    }
  }
  if (completed) {
    writeFileSync(path.join(folder, SOURCE_HASH_FILE), hash);
    setCurrentBuild(name);
    linkStandalone(name);
  } else rmSync(folder, { recursive: true, force: true });
  rmSync(tsconfig, { force: true });
  release();
  pruneBuilds();
  return completed ? 0 : code || 1;
}

const hash = hashSources();
const current = currentBuild();
const hashFile = current && path.join(BUILDS_DIR, current, SOURCE_HASH_FILE);
const isFresh = hashFile !== null && existsSync(hashFile) && readFileSync(hashFile, "utf8") === hash;
if (isFresh && !process.argv.includes("--force")) {
  console.log("The build is up to date.");
  pruneBuilds();
} else {
  const code = await build(hash);
  if (code !== 0) process.exit(code);
}

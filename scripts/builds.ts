// Where production builds live. Each build goes into a folder of its own under .next/builds, and
// the file `current` names the newest complete one; it is replaced by a rename, so a reader sees
// the old name or the new one, never half. A running server keeps the folder it started with,
// marked by `.serving-{pid}`, so a later build (another `npm start`, `npm run build`) or an
// interrupted one never touches the files it serves.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "@/scripts/paths";

export const BUILDS_DIR = path.join(ROOT, ".next", "builds");
const CURRENT_FILE = path.join(BUILDS_DIR, "current");
export const SOURCE_HASH_FILE = "source-hash";

/** A build folder, relative to the project as Next's `distDir` wants it. */
export const distDirOf = (name: string) => path.relative(ROOT, path.join(BUILDS_DIR, name));

/** The newest complete build's folder name, or null when there is none. */
export function currentBuild(): string | null {
  if (!existsSync(CURRENT_FILE)) return null;
  const name = readFileSync(CURRENT_FILE, "utf8").trim();
  return name && existsSync(path.join(BUILDS_DIR, name, "BUILD_ID")) ? name : null;
}

export function setCurrentBuild(name: string): void {
  const temporary = `${CURRENT_FILE}.${process.pid}`;
  writeFileSync(temporary, name);
  renameSync(temporary, CURRENT_FILE);
}

/** A new, unused folder name for a build of these sources, and its lock (the builder's pid). */
export function startBuild(hash: string): { name: string; release: () => void } {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const name = `${hash.slice(0, 12)}-${Date.now().toString(36)}-${process.pid}`;
  const lock = path.join(BUILDS_DIR, `${name}.building`);
  writeFileSync(lock, String(process.pid));
  return { name, release: () => rmSync(lock, { force: true }) };
}

/** Marks a build as served by this process until it exits. */
export function markServing(name: string): void {
  const marker = path.join(BUILDS_DIR, name, `.serving-${process.pid}`);
  writeFileSync(marker, String(process.pid));
  process.on("exit", () => rmSync(marker, { force: true }));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes builds that are neither current, nor being built, nor served by a live process. */
export function pruneBuilds(): void {
  if (!existsSync(BUILDS_DIR)) return;
  const current = currentBuild();
  const pidIn = (file: string) => Number(readFileSync(file, "utf8"));
  const names = new Set(
    readdirSync(BUILDS_DIR)
      .filter((entry) => entry !== "current" && !entry.startsWith("current."))
      .map((entry) => entry.replace(/\.(building|tsconfig\.json)$/, "")),
  );
  for (const name of names) {
    const folder = path.join(BUILDS_DIR, name);
    const lock = `${folder}.building`;
    const servers = existsSync(folder) ? readdirSync(folder).filter((file) => file.startsWith(".serving-")) : [];
    const inUse =
      name === current ||
      (existsSync(lock) && isAlive(pidIn(lock))) ||
      servers.some((file) => isAlive(Number(file.slice(".serving-".length))));
    if (inUse) continue;
    for (const file of [folder, lock, `${folder}.tsconfig.json`]) rmSync(file, { recursive: true, force: true });
  }
}

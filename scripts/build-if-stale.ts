// Builds the app when there is no build or the sources changed since the last one (`--force`
// always builds). A restart with an up-to-date build starts at once, and needs no devDependency.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./paths";

const HASH_FILE = path.join(ROOT, ".next", "source-hash");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.js",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
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

const hash = hashSources();
const isFresh = existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(HASH_FILE) && readFileSync(HASH_FILE, "utf8") === hash;
if (isFresh && !process.argv.includes("--force")) {
  console.log("The build is up to date.");
} else {
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(HASH_FILE, hash);
}

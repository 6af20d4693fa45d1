import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { BASE_DB, ROOT, TMP } from "./paths";

/** Builds the base database once with the same script `npm start` uses: migrate deploy, then seed. */
export default function setup() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const result = spawnSync(process.execPath, [path.join(ROOT, "scripts", "setup-db.mjs")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${BASE_DB}` },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Could not build the test database:\n${result.stdout}\n${result.stderr}`);
}

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ROOT } from "../../support/paths";

const TMP = path.join(ROOT, "tests", ".tmp-e2e");
let server: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

async function waitForServer(url: string) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server at ${url} did not start`);
}

/**
 * Builds the app (unless E2E_REUSE_BUILD=1 says a fresh build exists), prepares its own database,
 * and starts `next start` on a free port. Tests read the address with inject("baseUrl").
 */
export default async function setup(project: TestProject) {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  mkdirSync(path.join(ROOT, "screenshots"), { recursive: true });
  const env = { ...process.env, DATABASE_URL: `file:${path.join(TMP, "e2e.db")}`, NEXT_TELEMETRY_DISABLED: "1" };
  if (process.env.E2E_REUSE_BUILD !== "1") run(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], env);
  run(process.execPath, [path.join(ROOT, "scripts", "setup-db.mjs")], env);
  run(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "tests", "e2e", "support", "seed-hostile.ts")], env);
  const port = await freePort();
  server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(`${baseUrl}/`);
  project.provide("baseUrl", baseUrl);
  return () => {
    server?.kill("SIGTERM");
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

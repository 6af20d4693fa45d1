// Starts the production server for the browser tests: a fresh database of their own (the seed plus
// a hostile second negotiation), a build when the sources changed since the last one, then the production server (scripts/server.ts).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "@/tests/support/paths";
import { E2E_USERS } from "@/tests/e2e/support/users";

const TMP = path.join(ROOT, "tests", ".tmp-e2e");
rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });
mkdirSync(path.join(ROOT, "screenshots"), { recursive: true });
const env = { ...process.env, DATABASE_URL: `file:${path.join(TMP, "e2e.db")}`, NEXT_TELEMETRY_DISABLED: "1" };
const tsx = (script: string) => [process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, script)]] as const;

for (const script of ["scripts/setup-db.ts", "tests/e2e/support/seed-hostile.ts", "scripts/build-if-stale.ts"]) {
  const [command, args] = tsx(script);
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
// Accounts through the real command (`npm run user:create`), the password on standard input.
for (const { email, name, role, password } of E2E_USERS) {
  const [command, args] = tsx("scripts/user-create.ts");
  const extra = ["--email", email, "--name", name, "--role", role, "--negotiation", "e2e-curation"];
  const result = spawnSync(command, [...args, ...extra], { cwd: ROOT, env, input: `${password}\n`, stdio: ["pipe", "inherit", "inherit"] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const server = spawn(
  process.execPath,
  ["--import", "tsx", path.join(ROOT, "scripts", "server.ts"), "-p", process.env.E2E_PORT ?? "3210", "-H", "127.0.0.1"],
  {
    cwd: ROOT,
    // The browser tests sign in some 20 times a minute from one address; the limit itself is tested in tests/integration.
    env: { ...env, NODE_ENV: "production", AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE: "1000" },
    stdio: "inherit",
  },
);
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

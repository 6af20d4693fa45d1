// `npm start`: prepares the database, builds when the sources changed, then serves, all from this
// one process, so a signal that stops it stops every step it started (npm's pre-scripts run in a
// shell that does not pass signals on, which left set-up and build processes behind).
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "@/scripts/paths";

function run(script: string): Promise<number> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", script)], {
    cwd: ROOT,
    stdio: "inherit",
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward).on("SIGTERM", forward).on("SIGHUP", forward);
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward).off("SIGTERM", forward).off("SIGHUP", forward);
      resolve(code ?? (signal ? 128 + 15 : 1));
    }),
  );
}

for (const script of ["setup-db.ts", "build-if-stale.ts"]) {
  const code = await run(script);
  if (code !== 0) process.exit(code);
}
await import("@/scripts/server");

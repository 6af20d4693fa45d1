// Restarts and builds next to a running server: a second `npm start`, an interrupted build and a
// completed one must leave it answering 200, and stopping a start command leaves no process behind.
// Needs a production build (CI runs this after `npm run build`).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "@/tests/support/paths";

const work = mkdtempSync(path.join(tmpdir(), "restarts-"));
const DATABASE_URL = `file:${path.join(work, "app.db")}`;
const CURRENT = path.join(ROOT, ".next", "builds", "current");
const started: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A command with a marker in its environment, which every process it starts inherits. */
function launch(script: string, args: string[], marker: string) {
  // As package.json runs them: the server without React's server condition, the build with it.
  const flags = script === "start.ts" ? ["--import", "tsx"] : ["--conditions=react-server", "--import", "tsx"];
  const child = spawn(process.execPath, [...flags, path.join(ROOT, "scripts", script), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL, RESTART_TEST_MARKER: marker, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = async (text: string, timeout = 120_000) => {
    for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
      if (output.includes(text)) return;
    throw new Error(`"${text}" did not appear in:\n${output}`);
  };
  return { child, exited, waitFor, output: () => output };
}

/** Processes (this machine's /proc) whose environment carries the marker. */
function processesWith(marker: string): number[] {
  const needle = `RESTART_TEST_MARKER=${marker}\0`;
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, "latin1").includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function statusOf(url: string): Promise<number> {
  return (await fetch(url, { signal: AbortSignal.timeout(20_000) })).status;
}

/** The page, its first script and an API route all answer 200. */
async function expectServing(base: string) {
  const page = await fetch(`${base}/negotiations/ukraine-peace-2025`);
  expect(page.status).toBe(200);
  const script = (await page.text()).match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(script).toBeDefined();
  expect(await statusOf(`${base}${script}`)).toBe(200);
  expect(await statusOf(`${base}/api/negotiations/ukraine-peace-2025/matrix`)).toBe(200);
}

let base = "";
let first: ReturnType<typeof launch>;
let port = 0;

beforeAll(async () => {
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  first = launch("start.ts", ["-p", String(port), "-H", "127.0.0.1"], "first");
  await first.waitFor("Serving on");
}, 240_000);

afterAll(() => {
  for (const child of started) child.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
});

describe("next to a running server", () => {
  test("a second start on the same port says why it cannot, and the first keeps serving", async () => {
    const second = launch("start.ts", ["-p", String(port), "-H", "127.0.0.1"], "second");
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`Port ${port} is already in use`);
    await expectServing(base);
  });

  test("a second start on another port serves the same database, and stopping it leaves no process", async () => {
    const otherPort = await freePort();
    const second = launch("start.ts", ["-p", String(otherPort), "-H", "127.0.0.1"], "third");
    await second.waitFor("Serving on");
    await expectServing(`http://127.0.0.1:${otherPort}`);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(processesWith("third")).toEqual([]);
    await expectServing(base);
  });

  test("an interrupted build stops whole and changes nothing the server uses", async () => {
    const before = readFileSync(CURRENT, "utf8");
    const build = launch("build-if-stale.ts", ["--force"], "interrupted");
    await build.waitFor("Creating an optimized production build");
    await new Promise((r) => setTimeout(r, 2_000));
    build.child.kill("SIGTERM");
    expect(await build.exited).not.toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(processesWith("interrupted")).toEqual([]);
    expect(readFileSync(CURRENT, "utf8")).toBe(before);
    await expectServing(base);
  });

  test("a completed build becomes current for the next start, while the running server keeps its own", async () => {
    const before = readFileSync(CURRENT, "utf8");
    const build = launch("build-if-stale.ts", ["--force"], "completed");
    expect(await build.exited).toBe(0);
    expect(readFileSync(CURRENT, "utf8")).not.toBe(before);
    expect(readdirSync(path.join(ROOT, ".next", "builds"))).toContain(before);
    await expectServing(base);
  }, 300_000);

  test("stopping the start command stops every process it started", async () => {
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(processesWith("first")).toEqual([]);
  });
});

// npm run bench: timings and sizes, each as a ratio to a reference measured in the same run.
// Never asserted in a test: this machine is shared and noisy, so read the ratios, not the milliseconds.
//
// For dossiers of 65, 5,000 and 100,000 generated cells (and the seeded dossier), each in its own
// temporary database: import time and peak memory; then, against `next start` on that database,
// each route's median time over several runs, its bytes, and the ratio to its reference:
//   - delivery floor: a tiny Node server sending the same bytes from memory;
//   - exports: the sqlite3 CLI (`-csv`, `-json`) running the export's own SQL over the same rows.
// Also the server's peak memory and each page's first-load JavaScript, gzipped.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { generateDossier } from "../lib/generate-dossier";
import { LONG_CSV_SQL, POSITION_JSON_SQL } from "../lib/queries/matrix-export";
import { ROOT } from "./paths";

const TSX = ["--conditions=react-server", "--import", "tsx"];
const SIZES = [
  { label: "65", issues: 13, parties: 5 },
  { label: "5,000", issues: 100, parties: 50 },
  { label: "100,000", issues: 2000, parties: 50 },
];
const ten = Array.from({ length: 10 }, (_, i) => `issue-${String(i * 7 + 1).padStart(5, "0")}`).join(",");
const work = mkdtempSync(path.join(os.tmpdir(), "bench-"));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One GET on a new connection (no keep-alive, the same for the app and its references): status and body. */
function get(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

async function timeFetch(url: string, runs: number): Promise<{ ms: number; bytes: Buffer }> {
  let bytes: Buffer = Buffer.alloc(0);
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const response = await get(url);
    bytes = response.body;
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    if (i > 0) times.push(performance.now() - start); // the first run warms up
  }
  return { ms: median(times), bytes };
}

function timeCommand(command: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "inherit"], maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`${command} failed`);
    times.push(performance.now() - start);
  }
  return median(times);
}

const children = new Set<ChildProcess>();

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

async function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, url: string): Promise<ChildProcess> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  children.add(child);
  child.on("exit", () => children.delete(child));
  for (let i = 0; i < 300; i++) {
    try {
      if ((await get(url)).status < 500) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  throw new Error(`${command} did not start`);
}

type TLoad = { requestsPerSecond: number; p99: number; errors: number; timeouts: number };

/** `connections` clients on kept-alive sockets requesting `url` back to back for `seconds`. */
async function loadTest(url: string, seconds: number, connections: number): Promise<TLoad> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let timeouts = 0;
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      await new Promise<void>((resolve) => {
        let timedOut = false;
        const request = http.get(url, { agent, timeout: 10_000 }, (response) => {
          response.on("data", () => {});
          response.on("end", () => {
            if (response.statusCode === 200) latencies.push(performance.now() - start);
            else errors++;
            resolve();
          });
        });
        request.on("timeout", () => {
          timedOut = true;
          timeouts++;
          request.destroy();
        });
        request.on("error", () => {
          if (!timedOut) errors++;
          resolve();
        });
      });
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / seconds,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    errors,
    timeouts: timeouts,
  };
}

/** The production server (scripts/server.ts) on a database. */
function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const args = ["--import", "tsx", "scripts/server.ts", "-p", String(port), "-H", "127.0.0.1"];
  return startProcess(process.execPath, args, { ...env, NODE_ENV: "production" }, `http://127.0.0.1:${port}/`);
}

/** Peak resident memory of a running process, from /proc (Linux), in MB. */
function peakMemory(pid: number | undefined): string {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
    return line ? `${Math.round(Number(line[1]) / 1024)} MB` : "n/a";
  } catch {
    return "n/a";
  }
}

const rows: string[][] = [];
function report(size: string, route: string, ms: number, bytes: number, reference: string, referenceMs: number) {
  rows.push([size, route, ms.toFixed(1), (bytes / 1024).toFixed(0), reference, referenceMs.toFixed(1), (ms / referenceMs).toFixed(2)]);
}

const hasSqliteCli = spawnSync("sqlite3", ["--version"]).status === 0;

/** The sqlite3 CLI running an export's SQL over every row of a negotiation, as the app does in chunks. */
function sqliteReference(file: string, slug: string, mode: "-csv" | "-json", sql: string, runs: number): number | null {
  if (!hasSqliteCli) return null;
  const db = new Database(file, { readonly: true });
  const id = db.prepare(`SELECT "id" FROM "Negotiation" WHERE "slug" = ?`).pluck().get(slug);
  const issues = JSON.stringify(db.prepare(`SELECT "id" FROM "Issue" WHERE "negotiationId" = ? ORDER BY "sortOrder"`).pluck().all(id));
  const parties = JSON.stringify(db.prepare(`SELECT "id" FROM "Party" WHERE "negotiationId" = ? ORDER BY "sortOrder"`).pluck().all(id));
  db.close();
  const script = path.join(work, `query${mode}.sql`);
  writeFileSync(
    script,
    `.param set ?1 '${issues}'\n.param set ?2 '${parties}'\n${sql.replaceAll("?", (_, offset: number) => (sql.indexOf("?") === offset ? "?1" : "?2"))};\n`,
  );
  return timeCommand("sh", ["-c", `sqlite3 ${mode} '${file}' < '${script}' > /dev/null`], runs);
}

async function firstLoadJs(base: string, pathname: string): Promise<number> {
  const html = (await get(base + pathname)).body.toString("utf8");
  // Every script a modern browser loads with the page: `nomodule` polyfills are for old browsers only.
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const scripts = [...new Set(tags.flatMap((tag) => tag.match(/src="([^"]+)"/)?.[1] ?? []))];
  let total = 0;
  for (const src of scripts) total += gzipSync((await get(new URL(src, base).href)).body).length;
  return total;
}

/** A tiny Node server, in a process of its own, sending these bodies from memory at `/0`, `/1`, ... */
async function startStaticServer(bodies: Buffer[]): Promise<{ server: ChildProcess; url: (index: number) => string }> {
  const dir = mkdtempSync(path.join(work, "static-"));
  bodies.forEach((body, index) => writeFileSync(path.join(dir, String(index)), body));
  const port = await freePort();
  const script = `const fs=require("fs"),p=require("path");const d=process.argv[1];const b=fs.readdirSync(d).sort((x,y)=>x-y).map(f=>fs.readFileSync(p.join(d,f)));
    require("http").createServer((q,s)=>{const x=b[Number(q.url.slice(1))];if(!x){s.statusCode=404;return s.end()}s.setHeader("content-type","text/plain");s.end(x)}).listen(${port},"127.0.0.1")`;
  const url = (index: number) => `http://127.0.0.1:${port}/${index}`;
  return { server: await startProcess(process.execPath, ["-e", script, dir], {} as NodeJS.ProcessEnv, url(0)), url };
}

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const LOAD_CONNECTIONS = 50;

/** Throughput and p99 under 50 connections for the seeded dossier's page, JSON and CSV, beside a static server of the same bytes. */
async function benchLoad(base: string, server: ChildProcess) {
  const routes = [
    "/negotiations/ukraine-peace-2025",
    "/api/negotiations/ukraine-peace-2025/matrix",
    "/negotiations/ukraine-peace-2025/matrix.csv?layout=long",
  ];
  const bodies = await Promise.all(routes.map(async (route) => (await get(base + route)).body));
  const { server: staticServer, url: staticUrl } = await startStaticServer(bodies);
  const describe = (load: TLoad) =>
    `${load.requestsPerSecond.toFixed(1)} req/s, p99 ${load.p99.toFixed(0)} ms, ${load.errors} errors, ${load.timeouts} timeouts`;
  for (const [index, route] of routes.entries()) {
    const app = await loadTest(base + route, LOAD_SECONDS, LOAD_CONNECTIONS);
    const floor = await loadTest(staticUrl(index), LOAD_SECONDS, LOAD_CONNECTIONS);
    console.log(
      `load, ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s, ${route}: ${describe(app)}; same bytes from memory: ${describe(floor)}; ${((100 * app.requestsPerSecond) / floor.requestsPerSecond).toFixed(1)}% of its throughput`,
    );
  }
  console.log(`server peak memory after the load: ${peakMemory(server.pid)}`);
  staticServer.kill();
}

async function benchSize(size: (typeof SIZES)[number]) {
  const file = path.join(work, `bench-${size.issues}x${size.parties}.db`);
  const env = { DATABASE_URL: `file:${file}`, NEXT_TELEMETRY_DISABLED: "1" };
  spawnSync(process.execPath, [...TSX, "scripts/setup-db.ts"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: "ignore" });
  const dossierFile = path.join(work, "dossier.json");
  const slug = `bench-${size.issues}x${size.parties}`;
  writeFileSync(dossierFile, JSON.stringify(generateDossier({ issues: size.issues, parties: size.parties, slug })));
  const imported = spawnSync(process.execPath, [...TSX, "scripts/dossier-import.ts", dossierFile], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  const seconds = Number(imported.stdout.match(/in ([\d.]+) s/)?.[1]);
  const cells = size.issues * size.parties;
  console.log(
    `import ${size.label} cells: ${seconds.toFixed(2)} s, ${((seconds * 1000 * 1000) / cells).toFixed(1)} ms per 1,000 cells, ${imported.stdout.match(/peak memory (\d+ MB)/)?.[1]} peak`,
  );

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(port, env);
  const big = cells >= 100_000;
  const routes: [string, number][] = [
    [`/negotiations/${slug}?issues=${ten}`, 15],
    [`/api/negotiations/${slug}/matrix?issues=${ten}`, 15],
    [`/api/negotiations/${slug}/divergence?issues=${ten}`, 15],
    [`/negotiations/${slug}`, big ? 7 : 15],
    [`/negotiations/${slug}?sort=divergence&page=2`, big ? 7 : 15],
    [`/negotiations/${slug}/matrix.csv?layout=long`, big ? 5 : 15],
    [`/api/negotiations/${slug}/matrix`, big ? 5 : 15],
  ];
  if (size.issues === 13)
    routes.unshift(["/negotiations/ukraine-peace-2025", 30], ["/negotiations/ukraine-peace-2025/charts", 15], ["/", 30]);
  const bodies: Buffer[] = [];
  const measured: { route: string; ms: number; bytes: number; runs: number }[] = [];
  for (const [route, runs] of routes) {
    const { ms, bytes } = await timeFetch(base + route, runs);
    bodies.push(bytes);
    measured.push({ route, ms, bytes: bytes.length, runs });
  }
  const serverPeak = peakMemory(server.pid);
  server.kill();

  // The delivery floor: the same bytes from memory, one Node server for all of them.
  const { server: staticServer, url: staticUrl } = await startStaticServer(bodies);
  for (const [index, m] of measured.entries()) {
    const floor = (await timeFetch(staticUrl(index), m.runs)).ms;
    report(size.label, m.route.replace(ten, "<10 issues>"), m.ms, m.bytes, "same bytes from memory", floor);
    if (m.route.includes("layout=long") || m.route.endsWith("/matrix")) {
      const isCsv = m.route.includes("layout=long");
      const cli = sqliteReference(file, slug, isCsv ? "-csv" : "-json", isCsv ? LONG_CSV_SQL : POSITION_JSON_SQL, m.runs);
      if (cli !== null) report(size.label, m.route, m.ms, m.bytes, `sqlite3 ${isCsv ? "-csv" : "-json"}, same SQL`, cli);
    }
  }
  staticServer.kill();
  console.log(`server peak memory with the ${size.label}-cell dossier: ${serverPeak}`);
  if (size.issues === 13) {
    const server2 = await startServer(port, env);
    for (const page of [
      "/",
      "/negotiations/ukraine-peace-2025",
      "/negotiations/ukraine-peace-2025/charts",
      "/negotiations/ukraine-peace-2025/compare?a=us-draft&b=europe",
    ]) {
      console.log(`first-load JavaScript of ${page}: ${((await firstLoadJs(base, page)) / 1024).toFixed(1)} KB gzipped`);
    }
    await benchLoad(base, server2);
    server2.kill();
  }
}

try {
  // Measure the code as it is: build first when the sources changed since the last build.
  const build = spawnSync(process.execPath, [...TSX, "scripts/build-if-stale.ts"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error("The build failed.");
  if (!hasSqliteCli) console.log("Note: the sqlite3 CLI is missing (apt-get install sqlite3), so the export references are left out.");
  for (const size of SIZES) await benchSize(size);
  const header = ["cells", "route", "median ms", "KB", "reference", "ref ms", "ratio"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(`\n${line(header)}\n| ${widths.map((w) => "-".repeat(w)).join(" | ")} |\n${rows.map(line).join("\n")}`);
} finally {
  for (const child of children) child.kill();
  rmSync(work, { recursive: true, force: true });
}

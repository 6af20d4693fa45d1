// npm run bench: timings and sizes, each as a ratio to a reference measured in the same run.
// Never asserted in a test: this machine is shared and noisy, so read the ratios, not the milliseconds.
//
// For dossiers of 65, 5,000 and 100,000 generated cells (and the seeded dossier), each in its own
// temporary database: import time and peak memory; then, against `next start` on that database,
// each route's median time over several runs, its bytes, and the ratio to its reference:
//   - delivery floor: a tiny Node server sending the same bytes from memory;
//   - exports: the sqlite3 CLI (`-csv`, `-json`) running the export's own SQL over the same rows.
// Also the server's peak memory and each page's first-load JavaScript, gzipped.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { generateDossier } from "../lib/generate-dossier";
import { LONG_CSV_SQL, POSITION_JSON_SQL } from "../lib/queries/matrix-export";
import {
  get,
  loadTest,
  freePort,
  peakMemory,
  startServer,
  startStaticServer,
  stopChildren,
  timeCommand,
  timeFetch,
  type TLoad,
} from "./bench-tools";
import { ROOT } from "./paths";

const TSX = ["--conditions=react-server", "--import", "tsx"];
const SIZES = [
  { label: "65", issues: 13, parties: 5 },
  { label: "5,000", issues: 100, parties: 50 },
  { label: "100,000", issues: 2000, parties: 50 },
];
const ten = Array.from({ length: 10 }, (_, i) => `issue-${String(i * 7 + 1).padStart(5, "0")}`).join(",");
const work = mkdtempSync(path.join(os.tmpdir(), "bench-"));

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

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const LOAD_CONNECTIONS = 50;

/** Throughput and p99 under 50 connections for the seeded dossier's page, JSON and CSV, beside a static server of the same bytes. */
let loadErrors = 0;

/** 50 connections against the seeded page, JSON and CSV: with the response cache, without it, and the static floor. */
async function benchLoad(env: Record<string, string>) {
  const routes = [
    "/negotiations/ukraine-peace-2025",
    "/api/negotiations/ukraine-peace-2025/matrix",
    "/negotiations/ukraine-peace-2025/matrix.csv?layout=long",
  ];
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const describe = (load: TLoad) =>
    `${load.requestsPerSecond.toFixed(1)} req/s, p99 ${load.p99.toFixed(0)} ms, ${load.errors} errors, ${load.timeouts} timeouts`;
  let floor: Awaited<ReturnType<typeof startStaticServer>> | undefined;
  for (const cache of ["on", "off"]) {
    const server = await startServer(port, { ...env, RESPONSE_CACHE: cache });
    floor ??= await startStaticServer(await Promise.all(routes.map(async (route) => (await get(base + route)).body)), work);
    for (const [index, route] of routes.entries()) {
      const app = await loadTest(base + route, LOAD_SECONDS, LOAD_CONNECTIONS);
      loadErrors += app.errors;
      const reference = await loadTest(floor.url(index), LOAD_SECONDS, LOAD_CONNECTIONS);
      console.log(
        `load, ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s, response cache ${cache}, ${route}: ${describe(app)}; same bytes from memory: ${describe(reference)}; ${((100 * app.requestsPerSecond) / reference.requestsPerSecond).toFixed(1)}% of its throughput`,
      );
    }
    console.log(`server peak memory after the load (response cache ${cache}): ${peakMemory(server.pid)}`);
    server.kill();
    await new Promise((resolve) => server.once("exit", resolve));
  }
  floor?.server.kill();
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
  // Route timings measure rendering: the response cache would answer every run after the first.
  const server = await startServer(port, { ...env, RESPONSE_CACHE: "off" });
  const big = cells >= 100_000;
  const routes: [string, number][] = [
    [`/negotiations/${slug}?issues=${ten}`, 15],
    [`/api/negotiations/${slug}/matrix?issues=${ten}`, 15],
    [`/api/negotiations/${slug}/divergence?issues=${ten}`, 15],
    [`/negotiations/${slug}`, big ? 7 : 15],
    [`/negotiations/${slug}?sort=divergence&page=2`, big ? 7 : 15],
    [`/negotiations/${slug}/matrix.csv?layout=long`, big ? 5 : 15],
    [`/api/negotiations/${slug}/matrix`, big ? 5 : 15],
    // As of a day: the same SQL over each cell's version valid that day (a fifth of the cells have two).
    [`/negotiations/${slug}?asOf=2025-12-01`, big ? 7 : 15],
    [`/api/negotiations/${slug}/matrix?asOf=2025-12-01&issues=${ten}`, 15],
    [`/negotiations/${slug}/changes?from=2025-12-01&to=2025-12-31`, big ? 5 : 15],
    [`/negotiations/${slug}/datapackage.zip?issues=${ten}`, 15],
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
  const { server: staticServer, url: staticUrl } = await startStaticServer(bodies, work);
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
    server2.kill();
    await new Promise((resolve) => server2.once("exit", resolve));
    await benchLoad(env);
  }
}

try {
  // Measure the code as it is: build first when the sources changed since the last build.
  const build = spawnSync(process.execPath, [...TSX, "scripts/build-if-stale.ts"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error("The build failed.");
  if (!hasSqliteCli) console.log("Note: the sqlite3 CLI is missing (apt-get install sqlite3), so the export references are left out.");
  if (process.argv.includes("--load-only")) {
    // The fault suite's load test (CI): the seeded dossier only.
    const env = { DATABASE_URL: `file:${path.join(work, "load.db")}`, NEXT_TELEMETRY_DISABLED: "1" };
    spawnSync(process.execPath, [...TSX, "scripts/setup-db.ts"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: "ignore" });
    await benchLoad(env);
    // Errors (a status other than 200, a refused connection) fail it; the figures are only printed.
    if (loadErrors > 0) process.exitCode = 1;
  } else for (const size of SIZES) await benchSize(size);
  const header = ["cells", "route", "median ms", "KB", "reference", "ref ms", "ratio"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  if (rows.length > 0) console.log(`\n${line(header)}\n| ${widths.map((w) => "-".repeat(w)).join(" | ")} |\n${rows.map(line).join("\n")}`);
} finally {
  stopChildren();
  rmSync(work, { recursive: true, force: true });
}

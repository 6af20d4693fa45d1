// npm run bench: timings and sizes, each as a ratio to a reference measured in the same run.
// Never asserted in a test: this machine is shared and noisy, so read the ratios, not the milliseconds.
//
// For dossiers of 65, 5,000 and 100,000 generated cells (and the seeded dossier), each in its own
// temporary database: import time and peak memory; then, against the production server on that
// database, each route's median time over several runs, its bytes, and the ratio to its reference:
//   - delivery floor: a tiny Node server sending the same bytes from memory;
//   - the long CSV: the engine's own command-line client (`sqlite3 -csv`, or `psql` with
//     `\copy (…) to stdout with csv`) running the export's own SQL over the same rows.
// Also the server's peak memory and each page's first-load JavaScript, gzipped.
//
// `npm run bench` measures SQLite; `npm run bench -- --engine postgres` measures PostgreSQL, with
// DATABASE_URL naming a server and a database the bench may create and drop databases from (each
// size gets a database of its own, dropped at the end).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { closeDb, getDb } from "@/lib/db/connection";
import { parseDatabaseUrl } from "@/lib/db/url";
import { longCsvQuery } from "@/lib/read/matrix-export";
import { readViewBase } from "@/lib/read/matrix-view";
import { generateDossier } from "@/lib/write/generate-dossier";
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
} from "@/scripts/bench-tools";
import { ROOT } from "@/scripts/paths";

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

const engine = process.argv.includes("--engine") ? process.argv[process.argv.indexOf("--engine") + 1] : "sqlite";
if (engine !== "sqlite" && engine !== "postgres") throw new Error("--engine is sqlite or postgres.");
const adminUrl = engine === "postgres" ? process.env.DATABASE_URL : undefined;
if (engine === "postgres" && parseDatabaseUrl(adminUrl).engine !== "postgres")
  throw new Error("With --engine postgres, set DATABASE_URL to a PostgreSQL server the bench may create databases on.");
const cli = engine === "postgres" ? "psql" : "sqlite3";
const hasCli = spawnSync(cli, ["--version"]).status === 0;

/** A database of its own for one size: a SQLite file, or a new PostgreSQL database on the server. */
async function createDatabase(name: string): Promise<string> {
  if (engine === "sqlite") return `file:${path.join(work, `${name}.db`)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return url.href;
}

async function dropDatabases(): Promise<void> {
  if (engine === "sqlite") return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
const created: string[] = [];

/** A compiled query with its parameters written in as literals, for the engine's own client. */
function inline(compiled: { sql: string; parameters: readonly unknown[] }): string {
  const literal = (value: unknown): string => {
    if (typeof value === "number") return String(value);
    if (Array.isArray(value)) return `'{${value.join(",")}}'`;
    return `'${String(value).replaceAll("'", "''")}'`;
  };
  return engine === "postgres"
    ? compiled.sql.replace(/\$(\d+)/g, (_, n: string) => literal(compiled.parameters[Number(n) - 1]))
    : compiled.sql.replace(
        /\?/g,
        (() => {
          let index = 0;
          return () => literal(compiled.parameters[index++]);
        })(),
      );
}

/** The engine's own client running the long CSV's SQL over every row of a negotiation (the app runs it in chunks). */
async function cliReference(url: string, slug: string, runs: number): Promise<number | null> {
  if (!hasCli) return null;
  process.env.DATABASE_URL = url;
  const db = getDb();
  const base = (await readViewBase(db, slug, {}))!;
  const rowIds = (
    await db.selectFrom("Issue").select("id").where("negotiationId", "=", base.negotiation.id).orderBy("sortOrder").execute()
  ).map((r) => r.id);
  const query = inline(longCsvQuery(db, base, rowIds).compile());
  await closeDb();
  const script = path.join(work, "long.sql");
  if (engine === "postgres") {
    writeFileSync(script, `\\copy (${query.replaceAll("\n", " ")}) to stdout with csv\n`);
    return timeCommand("sh", ["-c", `psql -X -q '${url}' -f '${script}' > /dev/null`], runs);
  }
  writeFileSync(script, `${query};\n`);
  return timeCommand("sh", ["-c", `sqlite3 -csv '${url.slice("file:".length)}' < '${script}' > /dev/null`], runs);
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

/** The environment of a server on the engine's database: PostgreSQL needs the shared cookie secret. */
const serverEnv = (url: string) => ({
  DATABASE_URL: url,
  NEXT_TELEMETRY_DISABLED: "1",
  ...(engine === "postgres" ? { BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret" } : {}),
});

async function benchSize(size: (typeof SIZES)[number]) {
  const name = `bench_${size.issues}x${size.parties}`;
  created.push(name);
  const url = await createDatabase(name);
  const env = serverEnv(url);
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
    if (m.route.includes("layout=long")) {
      const reference = await cliReference(url, slug, m.runs);
      if (reference !== null)
        report(size.label, m.route, m.ms, m.bytes, `${engine === "postgres" ? "psql \\copy" : "sqlite3 -csv"}, same SQL`, reference);
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
  console.log(`Engine: ${engine}.`);
  if (!hasCli) console.log(`Note: the ${cli} client is missing, so the long CSV's reference is left out.`);
  if (process.argv.includes("--load-only")) {
    // The fault suite's load test (CI): the seeded dossier only.
    created.push("bench_load");
    const env = serverEnv(await createDatabase("bench_load"));
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
  await dropDatabases().catch((error: Error) => console.error(`Could not drop the bench's databases: ${error.message}`));
  rmSync(work, { recursive: true, force: true });
}

// Benchmarks: prints timings (median of repeated runs) and sizes. Never asserted in tests.
// Usage: npm run bench            (database from DATABASE_URL, default prisma/dev.db)
//        BENCH_URL=http://127.0.0.1:3000 npm run bench   (also times and sizes the served pages)
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { toLongCsv, toWideCsv } from "../lib/csv";
import { prisma } from "../lib/db";
import { buildMatrix } from "../lib/matrix";
import { DEFAULT_MATRIX_PARAMS } from "../lib/matrix-params";
import { getNegotiation } from "../lib/queries/negotiations";

const SLUG = "ukraine-peace-2025";

async function median(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function row(name: string, value: string) {
  console.log(`${name.padEnd(44)} ${value}`);
}

const negotiation = await getNegotiation(SLUG);
if (!negotiation) throw new Error(`Seed the database first: no negotiation ${SLUG}`);
const matrix = buildMatrix(negotiation, DEFAULT_MATRIX_PARAMS);

row("getNegotiation (SQLite, all cells)", `${(await median(50, () => getNegotiation(SLUG))).toFixed(2)} ms`);
row("buildMatrix (13 × 5)", `${(await median(500, () => buildMatrix(negotiation, { ...DEFAULT_MATRIX_PARAMS, sort: "divergence", q: "russia" }))).toFixed(3)} ms`);
row("toWideCsv", `${(await median(500, () => toWideCsv(matrix))).toFixed(3)} ms, ${toWideCsv(matrix).length} chars`);
row("toLongCsv", `${(await median(200, () => toLongCsv(matrix))).toFixed(3)} ms, ${toLongCsv(matrix).length} chars`);

const base = process.env.BENCH_URL;
if (base) {
  for (const path of ["/", `/negotiations/${SLUG}`, `/negotiations/${SLUG}/matrix.csv`, `/api/negotiations/${SLUG}/matrix`]) {
    let bytes = 0;
    const ms = await median(30, async () => {
      bytes = (await (await fetch(base + path)).arrayBuffer()).byteLength;
    });
    const body = Buffer.from(await (await fetch(base + path)).arrayBuffer());
    row(`GET ${path}`, `${ms.toFixed(1)} ms, ${(bytes / 1024).toFixed(1)} KiB (${(gzipSync(body).length / 1024).toFixed(1)} KiB gzipped)`);
  }
}
await prisma.$disconnect();

// Tools of the benchmark (scripts/bench.ts): timing requests and commands, starting the app and a
// static server of the same bytes, and a load generator.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { ROOT } from "@/scripts/paths";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One GET on a new connection (no keep-alive, the same for the app and its references): status and body. */
export function get(url: string): Promise<{ status: number; body: Buffer }> {
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

export async function timeFetch(url: string, runs: number): Promise<{ ms: number; bytes: Buffer }> {
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

export function timeCommand(command: string, args: string[], runs: number): number {
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

/** Stops every process the benchmark started. */
export function stopChildren(): void {
  for (const child of children) child.kill();
}

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

export async function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, url: string): Promise<ChildProcess> {
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

export type TLoad = { requestsPerSecond: number; p99: number; errors: number; timeouts: number };

/** `connections` clients on kept-alive sockets requesting `url` back to back for `seconds`. */
export async function loadTest(url: string, seconds: number, connections: number): Promise<TLoad> {
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
export function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const args = ["--import", "tsx", "scripts/server.ts", "-p", String(port), "-H", "127.0.0.1"];
  return startProcess(process.execPath, args, { ...env, NODE_ENV: "production" }, `http://127.0.0.1:${port}/`);
}

/** Peak resident memory of a running process, from /proc (Linux), in MB. */
export function peakMemory(pid: number | undefined): string {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
    return line ? `${Math.round(Number(line[1]) / 1024)} MB` : "n/a";
  } catch {
    return "n/a";
  }
}

/** A tiny Node server, in a process of its own, sending these bodies from memory at `/0`, `/1`, ... */
export async function startStaticServer(bodies: Buffer[], work: string): Promise<{ server: ChildProcess; url: (index: number) => string }> {
  const dir = mkdtempSync(path.join(work, "static-"));
  bodies.forEach((body, index) => writeFileSync(path.join(dir, String(index)), body));
  const port = await freePort();
  const script = `const fs=require("fs"),p=require("path");const d=process.argv[1];const b=fs.readdirSync(d).sort((x,y)=>x-y).map(f=>fs.readFileSync(p.join(d,f)));
    require("http").createServer((q,s)=>{const x=b[Number(q.url.slice(1))];if(!x){s.statusCode=404;return s.end()}s.setHeader("content-type","text/plain");s.end(x)}).listen(${port},"127.0.0.1")`;
  const url = (index: number) => `http://127.0.0.1:${port}/${index}`;
  return { server: await startProcess(process.execPath, ["-e", script, dir], {} as NodeJS.ProcessEnv, url(0)), url };
}

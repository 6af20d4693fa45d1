// A PostgreSQL server for the tests: TEST_POSTGRES_URL when it is set (a server the tests may create
// and drop databases on), or else a throwaway cluster started here from Debian's packages, on a
// free local port, as the `postgres` user when this runs as root (PostgreSQL refuses to run as root),
// with trust authentication on 127.0.0.1 only, and stopped afterwards.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type TPostgres = { adminUrl: string; stop: () => void };

function binaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, "bin")).find((dir) => existsSync(path.join(dir, "initdb")));
  if (!found)
    throw new Error(
      "PostgreSQL is not installed: install Debian's package (apt-get install postgresql), or set TEST_POSTGRES_URL to a server the tests may create databases on.",
    );
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as the postgres user when this process is root. */
function asPostgres(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const quoted = [command, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ");
  const result = root ? spawnSync("su", ["postgres", "-c", quoted], { encoding: "utf8" }) : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout}`);
}

/** A throwaway cluster in a new folder under the system's temporary folder. */
export async function startCluster(): Promise<TPostgres> {
  const bin = binaries();
  const dir = mkdtempSync(path.join(os.tmpdir(), "npd-postgres-"));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const port = await freePort();
  asPostgres(path.join(bin, "initdb"), ["-D", path.join(dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync"]);
  asPostgres(path.join(bin, "pg_ctl"), [
    "-D",
    path.join(dir, "data"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
    "-l",
    path.join(dir, "log"),
    "-w",
    "start",
  ]);
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asPostgres(path.join(bin, "pg_ctl"), ["-D", path.join(dir, "data"), "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** TEST_POSTGRES_URL, or a throwaway cluster. */
export async function postgresForTests(): Promise<TPostgres> {
  const given = process.env.TEST_POSTGRES_URL;
  return given ? { adminUrl: given, stop: () => {} } : startCluster();
}

/** The URL of another database on the same server. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** Runs statements on the server's admin database. */
export async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new database copied from a template; retried while another copy of the template is being made. */
export async function createDatabaseFrom(adminUrl: string, name: string, template: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      return databaseUrl(adminUrl, name);
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

/** The cookie secret every test process on PostgreSQL uses (the app requires one there). */
export const TEST_AUTH_SECRET = "test-secret-for-the-postgresql-suite-only-0123456789";

// Two app instances on one PostgreSQL database, as the README deploys them: the self-contained
// server `npm run build` writes, started twice. Each prepares the database (one migrates and seeds,
// the other waits and finds it ready); an edit through one is served by the other within a second
// (cached pages included); two PUTs of the same cell from the same ETag, one to each instance, give
// exactly one 201 and one 412, with nothing lost. Needs a production build (CI runs this after
// `npm run build`) and PostgreSQL (TEST_POSTGRES_URL, or a throwaway cluster started here).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { realpathSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { admin, databaseUrl, TEST_AUTH_SECRET, postgresForTests, type TPostgres } from "@/tests/support/postgres";
import { ROOT } from "@/tests/support/paths";

let postgres: TPostgres;
let env: Record<string, string>;
const servers: ChildProcess[] = [];
const outputs: string[] = [];
const bases: string[] = [];
let cookie = "";
const NAME = `npd_two_instances_${process.pid}`;
const CELL = "/api/negotiations/ukraine-peace-2025/issues/nato/parties/russia";
const PAGE = "/negotiations/ukraine-peace-2025/issues/nato/parties/russia";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A script of the project on the shared database. */
function script(name: string, args: string[] = [], input?: string) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", name), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    input,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${name} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The self-contained server of the current build. */
const STANDALONE = realpathSync(path.join(ROOT, ".next", "standalone"));

async function startInstance(): Promise<string> {
  const port = await freePort();
  const server = spawn(process.execPath, ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: STANDALONE,
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  servers.push(server);
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  for (const end = Date.now() + 120_000; !output.includes("Serving on"); await new Promise((r) => setTimeout(r, 100)))
    if (Date.now() > end || server.exitCode !== null) throw new Error(`The instance did not start:\n${output}`);
  outputs.push(output);
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  postgres = await postgresForTests();
  await admin(postgres.adminUrl, (c) => c.query(`CREATE DATABASE "${NAME}"`));
  env = { DATABASE_URL: databaseUrl(postgres.adminUrl, NAME), BETTER_AUTH_SECRET: TEST_AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1" };
  // Both start together on the empty database.
  bases.push(...(await Promise.all([startInstance(), startInstance()])));
  script("user-create.ts", ["--email", "two@example.org", "--name", "Twyla Two", "--role", "admin"], "two instances, one database\n");
  // A session, signed in through the first instance: a cookie that both instances accept (one secret, one database).
  const signIn = await fetch(`${bases[0]}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: bases[0]! },
    body: JSON.stringify({ email: "two@example.org", password: "two instances, one database" }),
  });
  expect(signIn.status).toBe(200);
  cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}, 300_000);

afterAll(async () => {
  for (const server of servers) server.kill("SIGKILL");
  await admin(postgres.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`)).catch(() => {});
  postgres.stop();
});

/** The cell's current body and ETag, read through an instance. */
async function cell(base: string) {
  const response = await fetch(base + CELL);
  const body = (await response.json()) as { position: Record<string, unknown> & { sources: { id: number }[] } };
  return { etag: response.headers.get("etag")!, body };
}

/** A PUT of the cell through an instance with the session cookie, from that instance's own origin. */
function put(base: string, etag: string, label: string, from: { position: Record<string, unknown> & { sources: { id: number }[] } }) {
  const { label: _, sources, ...rest } = from.position;
  return fetch(base + CELL, {
    method: "PUT",
    headers: { "content-type": "application/json", "if-match": etag, cookie, origin: base },
    body: JSON.stringify({ ...rest, label, sources: sources.map((s) => ({ id: s.id })), reason: `set to ${label}` }),
  });
}

describe("two instances on one PostgreSQL database", () => {
  test("run from a self-contained folder of at most 150 MB, dependencies included", () => {
    const megabytes = Number(spawnSync("du", ["-sm", STANDALONE], { encoding: "utf8" }).stdout.split("\t")[0]);
    expect(megabytes).toBeGreaterThan(10);
    expect(megabytes).toBeLessThanOrEqual(150);
  });

  test("the database was migrated and seeded once, by one of them", async () => {
    const { rows } = await admin(env.DATABASE_URL!, (c) => c.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "Negotiation"`));
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(outputs.filter((o) => o.includes("(seeded)"))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes("(data kept)"))).toHaveLength(1);
  });

  test("an edit through one is served by the other within a second, its cached page and JSON included", async () => {
    const [a, b] = bases as [string, string];
    // The other instance's cache holds the page and the JSON (the second request of each is served from it).
    for (const url of [b + PAGE, `${b}/api/negotiations/ukraine-peace-2025/matrix`]) for (let i = 0; i < 2; i++) await fetch(url);
    const { etag, body } = await cell(a);
    const saved = await put(a, etag, "Edited through instance A", body);
    expect(saved.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await (await fetch(b + PAGE)).text()).toContain("Edited through instance A");
    const matrix = (await (await fetch(`${b}/api/negotiations/ukraine-peace-2025/matrix`)).json()) as {
      positions: { issue: string; party: string; label: string }[];
    };
    expect(matrix.positions.find((p) => p.issue === "nato" && p.party === "russia")?.label).toBe("Edited through instance A");
  });

  test("two PUTs from the same ETag, one to each instance, give one 201 and one 412, and nothing is lost", async () => {
    const [a, b] = bases as [string, string];
    const { etag, body } = await cell(a);
    const history = async () =>
      (
        await admin(env.DATABASE_URL!, (c) =>
          c.query<{ reason: string }>(`SELECT "reason" FROM "PositionVersion" WHERE "reason" LIKE 'set to race%' ORDER BY "id"`),
        )
      ).rows.map((r) => r.reason);
    const results = await Promise.all([put(a, etag, "race A", body), put(b, etag, "race B", body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 412]);
    const winner = results.find((r) => r.status === 201)!;
    const loser = results.find((r) => r.status === 412)!;
    const won = ((await winner.json()) as { position: { label: string } }).position.label;
    // The refused one is told the state now: the winner's version.
    expect(((await loser.json()) as { current: { position: { label: string } } }).current.position.label).toBe(won);
    expect((await cell(b)).body.position.label).toBe(won);
    expect(await history()).toEqual([`set to ${won}`]);
  });
});

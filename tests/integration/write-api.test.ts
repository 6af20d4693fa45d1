// The write API on the real route handlers and a real SQLite file: who may write, optimistic
// concurrency (ETag / If-Match), validation, and that a refused request changes nothing.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET, PUT } from "@/app/api/negotiations/[slug]/issues/[issue]/parties/[party]/route";
import { getDb } from "@/lib/db/connection";
import { ZCellApiJson } from "@/lib/formats/cell-json";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/accounts";
import { getCellView } from "@/lib/read/entity-views";
import { callCsv, readCsvText, readMatrixJson } from "@/tests/support/routes";

const SLUG = "ukraine-peace-2025";
const ORIGIN = "http://localhost:3000";
const cellUrl = (issue: string, party: string) => `${ORIGIN}/api/negotiations/${SLUG}/issues/${issue}/parties/${party}`;
const context = (issue: string, party: string) => ({ params: Promise.resolve({ slug: SLUG, issue, party }) });

/** A cell's JSON, parsed with its public schema, for a cell that has a version. */
function known(json: unknown) {
  const cell = ZCellApiJson.parse(json);
  if (!cell.version || !cell.position) throw new Error("the cell has no version");
  return { ...cell, version: cell.version, position: cell.position };
}

async function getCell(issue = "nato", party = "russia") {
  const response = await GET(new Request(cellUrl(issue, party)), context(issue, party));
  return { response, etag: response.headers.get("etag"), body: response.status === 200 ? known(await response.json()) : null };
}

function put(body: unknown, headers: Record<string, string>, issue = "nato", party = "russia") {
  return PUT(
    new Request(cellUrl(issue, party), {
      method: "PUT",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    context(issue, party),
  );
}

const versionCount = async () => (await getDb().selectFrom("PositionVersion").select("id").execute()).length;
const userIdOf = async (email: string) =>
  (await getDb().selectFrom("User").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

const tokens = { editor: "", outsider: "", admin: "" };
const PASSWORD = "a long test password";

beforeAll(async () => {
  await createUser({ email: "editor@example.org", name: "Erin Editor", role: "editor", password: PASSWORD, negotiations: [SLUG] });
  const outsider = await createUser({ email: "outsider@example.org", name: "Otto Outsider", role: "editor", password: PASSWORD });
  const admin = await createUser({ email: "admin@example.org", name: "Ada Admin", role: "admin", password: PASSWORD });
  const editorId = await userIdOf("editor@example.org");
  tokens.editor = (await createApiToken(editorId, "tests")).token;
  tokens.outsider = (await createApiToken(outsider.id, "tests")).token;
  tokens.admin = (await createApiToken(admin.id, "tests")).token;
});

/** A valid change of the Russia × NATO cell, from its current content. */
function change(body: NonNullable<Awaited<ReturnType<typeof getCell>>["body"]>, overrides: Record<string, unknown> = {}) {
  const { label, summary, score, status, confidence, quote, notes, sources } = body.position;
  return {
    label,
    summary,
    score,
    status,
    confidence,
    quote,
    notes,
    sources: sources.map((s) => ({ id: s.id })),
    reason: "test",
    ...overrides,
  };
}

describe("GET a cell", () => {
  it("answers the cell's current content with its version as a strong ETag", async () => {
    const { response, etag, body } = await getCell();
    expect(response.status).toBe(200);
    expect(etag).toBe(`"v${body!.version.id}"`);
    expect(body!.position).toMatchObject({ score: 2, status: "stated" });
    expect(body!.position.sources.length).toBeGreaterThan(0);
  });

  it("is 404 with a plain message for an unknown cell", async () => {
    const { response } = await getCell("no-such-issue", "russia");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: expect.stringContaining("no-such-issue") });
  });
});

describe("PUT a cell is refused, and changes nothing,", () => {
  it.each([
    ["without credentials", {}, 401],
    ["with an unknown token", { authorization: "Bearer npd_not-a-token" }, 401],
    ["with a session cookie from another site", { cookie: "better-auth.session_token=x", origin: "https://evil.example" }, 403],
  ])("%s", async (_what, headers, status) => {
    const before = await getCell();
    const response = await put(change(before.body!, { score: 2 }), { ...headers, "if-match": before.etag! });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: expect.any(String) });
    expect((await getCell()).body).toEqual(before.body);
  });

  it("for an editor who was not given the negotiation (403)", async () => {
    const before = await getCell();
    const count = await versionCount();
    const response = await put(change(before.body!, { score: 2 }), {
      authorization: `Bearer ${tokens.outsider}`,
      "if-match": before.etag!,
    });
    expect(response.status).toBe(403);
    expect(await versionCount()).toBe(count);
  });

  it("with a revoked token (401)", async () => {
    const before = await getCell();
    const userId = await userIdOf("editor@example.org");
    const { token, id } = await createApiToken(userId, "to revoke");
    expect(await revokeApiToken(userId, id)).toBe(true);
    const response = await put(change(before.body!), { authorization: `Bearer ${token}`, "if-match": before.etag! });
    expect(response.status).toBe(401);
  });

  it("without If-Match (428)", async () => {
    const before = await getCell();
    const response = await put(change(before.body!, { score: 2 }), { authorization: `Bearer ${tokens.editor}` });
    expect(response.status).toBe(428);
    expect((await getCell()).body).toEqual(before.body);
  });

  it("with a bad body: 400 with every problem", async () => {
    const before = await getCell();
    const count = await versionCount();
    const response = await put(
      {
        ...change(before.body!),
        score: 7,
        status: "maybe",
        reason: "",
        sources: [{ id: 999_999 }, { title: "T", publisher: "P", url: "javascript:alert(1)", publishedAt: null }],
      },
      { authorization: `Bearer ${tokens.editor}`, "if-match": before.etag! },
    );
    expect(response.status).toBe(400);
    const { problems } = (await response.json()) as { problems: { path: string; message: string }[] };
    expect(problems.map((p) => p.path)).toEqual(["reason"]);
    const second = await put(
      {
        ...change(before.body!),
        score: 7,
        status: "maybe",
        sources: [{ id: 999_999 }, { title: "T", publisher: "P", url: "javascript:alert(1)", publishedAt: null }],
      },
      { authorization: `Bearer ${tokens.editor}`, "if-match": before.etag! },
    );
    const paths = ((await second.json()) as { problems: { path: string }[] }).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["sources[0].id", "score", "status", "sources[1].url"]));
    expect(await put("{not json", { authorization: `Bearer ${tokens.editor}`, "if-match": before.etag! }).then((r) => r.status)).toBe(400);
    expect(await versionCount()).toBe(count);
    expect((await getCell()).body).toEqual(before.body);
  });
});

describe("PUT a cell with rights", () => {
  it("records a new version with its author and reason (201), which every view shows", async () => {
    const before = await getCell();
    const response = await put(change(before.body!, { score: -1, label: "Neutral, no NATO", reason: "Moscow softened its line" }), {
      authorization: `Bearer ${tokens.editor}`,
      "if-match": before.etag!,
    });
    expect(response.status).toBe(201);
    const saved = known(await response.json());
    expect(saved.version).toMatchObject({ author: "Erin Editor", reason: "Moscow softened its line" });
    expect(saved.version.id).toBeGreaterThan(before.body!.version.id);
    expect(response.headers.get("etag")).toBe(`"v${saved.version.id}"`);
    expect(saved.position).toMatchObject({ score: -1, label: "Neutral, no NATO", asOf: new Date().toISOString().slice(0, 10) });
    const matrix = await readMatrixJson(SLUG);
    expect(matrix.positions.find((p) => p.issue === "nato" && p.party === "russia")).toMatchObject({
      score: -1,
      label: "Neutral, no NATO",
    });
    const history = (await getCellView(SLUG, "nato", "russia"))!.history;
    expect(history.at(-1)).toMatchObject({ id: saved.version.id, author: "Erin Editor", reason: "Moscow softened its line", score: -1 });
    expect(history.at(-2)).toMatchObject({ id: before.body!.version.id, score: 2 }); // the earlier version is kept, unchanged
  });

  it("refuses a stale If-Match with 412 and the current cell, and writes nothing", async () => {
    const first = await getCell();
    const ok = await put(change(first.body!, { score: 2, reason: "back" }), {
      authorization: `Bearer ${tokens.admin}`,
      "if-match": first.etag!,
    });
    expect(ok.status).toBe(201);
    const current = await getCell();
    const count = await versionCount();
    const stale = await put(change(first.body!, { score: 1 }), { authorization: `Bearer ${tokens.editor}`, "if-match": first.etag! });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe(current.etag);
    const body = (await stale.json()) as { error: string; current: unknown };
    expect(known(body.current)).toEqual(current.body);
    expect(body.current).toMatchObject({ version: { author: "Ada Admin", reason: "back" } });
    expect(await versionCount()).toBe(count);
    expect((await getCell()).body).toEqual(current.body);
  });

  it("takes a session cookie from this site's own pages", async () => {
    const signIn = await authPost(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN },
        body: JSON.stringify({ email: "editor@example.org", password: PASSWORD }),
      }),
    );
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const before = await getCell("g8", "europe");
    const response = await put(
      change(before.body!, { reason: "same content, new reason" }),
      { cookie, origin: ORIGIN, host: "localhost:3000", "if-match": before.etag! },
      "g8",
      "europe",
    );
    expect(response.status).toBe(201);
    expect(known(await response.json()).version.author).toBe("Erin Editor");
  });

  it("stores hostile text as text, and the CSV neutralises a formula", async () => {
    const before = await getCell("sanctions", "ukraine");
    const hostile = {
      label: "<img src=x onerror=alert(1)>",
      summary: '=HYPERLINK("http://evil.example","click")',
      notes: "@SUM(A1:A2)",
      sources: [
        ...before.body!.position.sources.map((s) => ({ id: s.id })),
        { title: "<b>T</b>", publisher: "+P", url: "https://example.org/?a=<x>", publishedAt: "2026-01-01" },
      ],
    };
    const response = await put(
      change(before.body!, { ...hostile, reason: "hostile" }),
      { authorization: `Bearer ${tokens.editor}`, "if-match": before.etag! },
      "sanctions",
      "ukraine",
    );
    expect(response.status).toBe(201);
    const saved = known(await response.json());
    expect(saved.position).toMatchObject({ label: hostile.label, summary: hostile.summary, notes: hostile.notes });
    const rows = parse(await readCsvText(await callCsv(SLUG, "?layout=long")), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.issue === "sanctions" && r.party === "ukraine")!;
    expect(row.label).toBe(hostile.label);
    expect(row.summary).toBe(`'${hostile.summary}`);
    expect(row.notes).toBe(`'${hostile.notes}`);
  });
});

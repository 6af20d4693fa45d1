import { checkHealth } from "@/lib/read/health";

export const dynamic = "force-dynamic";

/** 200 `{ status: "ok", engine, migrations }` when the database is reachable and current; 503 `{ error }` otherwise. */
export async function GET() {
  const health = await checkHealth();
  const headers = { "Cache-Control": "no-store" };
  if (health.ok) return Response.json({ status: "ok", engine: health.engine, migrations: health.migrations }, { headers });
  console.error(`healthz: ${health.problem}`);
  return Response.json({ error: health.problem }, { status: 503, headers });
}

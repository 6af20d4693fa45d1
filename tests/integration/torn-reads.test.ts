import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { getMatrixView } from "@/lib/read/matrix-view";
import { ROOT, TMP } from "@/tests/support/paths";
import { callCsv, callDivergence, callJson, readCsvText } from "@/tests/support/routes";

const SLUG = "ukraine-peace-2025";
// The cells are what the reads check: the drafts' points and links are left out, so that each of the 150 imports
// costs what it did before they were added (with them, the loop ran past the test's minute on PostgreSQL under load).
const {
  drafts: _drafts,
  links: _links,
  ...seed
} = JSON.parse(readFileSync(path.join(ROOT, "prisma", "seed-data", `${SLUG}.json`), "utf8"));
// Version B differs in every cell, so a response mixing the two versions shows.
const versionB = { ...seed, positions: seed.positions.map((p: { summary: string }) => ({ ...p, summary: `B: ${p.summary}` })) };

/** "A" or "B" when every summary comes from one version (91 cells, or `cells`); anything else is a torn read. */
function versionOf(summaries: string[], cells = 91): string {
  const isB = summaries.map((s) => s.startsWith("B: "));
  if (summaries.length === cells && isB.every(Boolean)) return "B";
  if (summaries.length === cells && !isB.some(Boolean)) return "A";
  return `torn (${summaries.length} cells, ${isB.filter(Boolean).length} from B)`;
}

describe("reads while the dossier is re-imported in a loop", () => {
  it("every response is the complete old or the complete new version: no error, nothing empty or mixed", async () => {
    const fileA = path.join(TMP, "version-a.json");
    const fileB = path.join(TMP, "version-b.json");
    writeFileSync(fileA, JSON.stringify(seed));
    writeFileSync(fileB, JSON.stringify(versionB));
    const writer = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "tests", "support", "reimport-loop.ts"), fileA, fileB, "150"],
      {
        cwd: ROOT,
        env: process.env,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    writer.stderr.on("data", (chunk) => (stderr += chunk));
    const done = new Promise<number | null>((resolve) => writer.on("exit", resolve));
    let running = true;
    void done.then(() => (running = false));

    const seen: string[] = [];
    while (running) {
      const json = await callJson(SLUG);
      seen.push(
        json.status === 200
          ? versionOf(((await json.json()) as { positions: { summary: string }[] }).positions.map((p) => p.summary))
          : `status ${json.status}`,
      );
      const csv = await callCsv(SLUG, "?layout=long");
      const rows = parse(await readCsvText(csv), { bom: true, columns: true }) as { summary: string }[];
      seen.push(csv.status === 200 ? versionOf(rows.map((r) => r.summary)) : `status ${csv.status}`);
      // As of 15 Dec the cells come from the versions (the 20-point framework not yet published): 13 × 6.
      const earlier = await callJson(SLUG, "?asOf=2025-12-15");
      seen.push(
        earlier.status === 200
          ? versionOf(
              ((await earlier.json()) as { positions: { summary: string }[] }).positions.map((p) => p.summary),
              78,
            )
          : `status ${earlier.status}`,
      );
      const divergence = await callDivergence(SLUG);
      const body = (await divergence.json()) as { issues: unknown[]; pairs: unknown[] };
      seen.push(
        divergence.status === 200 && body.issues.length === 13 && body.pairs.length === 21
          ? "complete"
          : `divergence ${divergence.status} ${body.issues?.length}`,
      );
      const view = await getMatrixView(SLUG, new URLSearchParams());
      seen.push(view ? versionOf(view.matrix.rows.flatMap((r) => r.cells.map((c) => c?.summary ?? ""))) : "page view null");
      // The reads above finish without waiting on I/O; let the writer's exit be noticed.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await done, stderr).toBe(0);
    const torn = seen.filter((s) => !["A", "B", "complete"].includes(s));
    expect(torn).toEqual([]);
    expect(seen.length).toBeGreaterThan(40);
    // Both versions were seen, so reads really overlapped the writes.
    expect(seen).toContain("A");
    expect(seen).toContain("B");
  });
});

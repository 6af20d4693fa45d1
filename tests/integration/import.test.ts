import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { type AppError } from "@/lib/domain/errors";
import { getMatrixView } from "@/lib/read/matrix-view";
import { dataAsOf, importNegotiation } from "@/lib/write/dossier";
import { generateDossier } from "@/lib/write/generate-dossier";
import { cellCount, withFailingInserts } from "@/tests/support/db";
import { ROOT, TMP } from "@/tests/support/paths";
import { callCsv, readCsvText, readDivergenceJson, readMatrixJson } from "@/tests/support/routes";

describe("generateDossier", () => {
  it("is valid, deterministic for a seed, and realistic: about 15% unknown cells, shared sources, some history", () => {
    const dossier = generateDossier({ issues: 40, parties: 10, seed: 7 });
    expect(generateDossier({ issues: 40, parties: 10, seed: 7 })).toEqual(dossier);
    // One version per cell, then a later one for about a fifth of the known cells.
    const later = dossier.positions.length - 400;
    expect(later).toBeGreaterThan(40);
    expect(later).toBeLessThan(110);
    const unknown = dossier.positions.slice(0, 400).filter((p) => p.score === null).length / 400;
    expect(unknown).toBeGreaterThan(0.08);
    expect(unknown).toBeLessThan(0.22);
    const citations = dossier.positions.flatMap((p) => p.sources.map((s) => s.url));
    expect(new Set(citations).size).toBeLessThan(citations.length / 2);
    expect(dossier.positions.every((p) => p.score === null || (p.sources.length >= 1 && p.sources.length <= 3))).toBe(true);
  });
});

describe("importNegotiation", () => {
  it("writes a generated dossier whose views, CSV and JSON agree with the file", async () => {
    const dossier = generateDossier({ issues: 60, parties: 12, seed: 3, slug: "generated" });
    const summary = await importNegotiation(dossier, { replace: false });
    expect(summary).toMatchObject({ slug: "generated", issues: 60, parties: 12, cells: 720, replaced: false });
    const view = (await getMatrixView("generated", new URLSearchParams("sort=divergence&page=2")))!;
    expect(view.page).toEqual({ number: 2, size: 41, rowCount: 60, pageCount: 2 });
    expect(view.matrix.rows).toHaveLength(19);
    const json = await readMatrixJson("generated");
    expect(json.positions).toHaveLength(720);
    // Each cell shows its latest version: the last entry the file gives for it.
    const { issue, party } = dossier.positions[5]!;
    const latest = dossier.positions.findLast((p) => p.issue === issue && p.party === party)!;
    // A generated version carries no evidence: not assessed by the confidence rule.
    // It has no competing reading: its own content is its one reading, and its range is its score.
    expect(json.positions[5]).toEqual({
      ...latest,
      confidenceReason: null,
      evidence: null,
      readings: [],
      contested: false,
      range: latest.score === null ? null : { min: latest.score, max: latest.score },
    });
    const long = parse(await readCsvText(await callCsv("generated", "?layout=long")), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(long.map((r) => `${r.issue}|${r.party}|${r.score}`)).toEqual(
      json.positions.map((p) => `${p.issue}|${p.party}|${p.score ?? ""}`),
    );
    const divergence = await readDivergenceJson("generated", "?sort=divergence");
    expect(divergence.issues.map((i) => i.issue).slice(41)).toEqual(view.matrix.rows.map((r) => r.issue.slug));
    expect(divergence.pairs).toHaveLength((12 * 11) / 2);
  });

  it("lists every problem of an invalid dossier and writes nothing", async () => {
    const before = await cellCount();
    const dossier = generateDossier({ issues: 3, parties: 2, slug: "broken" });
    dossier.positions[1]!.score = 7;
    dossier.positions[2] = {
      ...dossier.positions[2]!,
      score: 1,
      status: "stated",
      sources: [{ ...dossier.positions[0]!.sources[0]!, url: "https:example.org/x" }],
    };
    // Every version of the last cell left out: the cell is missing.
    const { issue, party } = dossier.positions[5]!;
    dossier.positions = dossier.positions.filter((p) => p.issue !== issue || p.party !== party);
    let error: unknown;
    try {
      await importNegotiation(dossier, { replace: false });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: "invalid" });
    expect((error as AppError).problems.map((p) => p.path)).toEqual([
      `positions[1] (${dossier.positions[1]!.issue} × ${dossier.positions[1]!.party}).score`,
      `positions[2] (${dossier.positions[2]!.issue} × ${dossier.positions[2]!.party}).sources[0].url`,
      `positions[2] (${dossier.positions[2]!.issue} × ${dossier.positions[2]!.party}).sources`,
      "(dossier)",
    ]);
    expect(await cellCount()).toBe(before);
  });

  it("refuses to overwrite a stored negotiation without replace, and replaces with it", async () => {
    const fixtureCells = await cellCount("fixture");
    const dossier = generateDossier({ issues: 4, parties: 3, slug: "fixture" });
    await expect(importNegotiation(dossier, { replace: false })).rejects.toMatchObject({ code: "exists" });
    expect(await cellCount("fixture")).toBe(fixtureCells);
    expect(await importNegotiation(dossier, { replace: true })).toMatchObject({ replaced: true, cells: 12 });
    expect(await cellCount("fixture")).toBe(12);
  });

  it("leaves the previous data untouched when a write fails half-way", async () => {
    const before = await cellCount("ukraine-peace-2025");
    const dossier = generateDossier({ issues: 5, parties: 5, slug: "ukraine-peace-2025" });
    // A valid dossier whose write the database refuses part-way (a trigger stands in for a full disk or a crash).
    await withFailingInserts("PositionVersionSource", async () => {
      await expect(importNegotiation(dossier, { replace: true })).rejects.toThrow("refused");
    });
    expect(await cellCount("ukraine-peace-2025")).toBe(before);
  });
});

describe("npm run dossier:import", () => {
  const importFile = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", "dossier-import.ts"), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: `file:${path.join(TMP, `cli-import-${process.pid}.db`)}` },
        encoding: "utf8",
      },
    );

  it("imports a file, says what it did, and refuses an invalid one with every problem listed", () => {
    const good = path.join(TMP, "good.json");
    writeFileSync(good, JSON.stringify(generateDossier({ issues: 20, parties: 5, slug: "cli-test" })));
    const first = importFile(good);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^Imported cli-test: 20 issues, 5 parties, 100 cells, \d+ versions, \d+ sources, \d+ citations, 0 red lines, 0 points, 0 links in [\d.]+ s \(peak memory \d+ MB\)$/m,
    );
    expect(importFile(good).status).toBe(1);
    expect(importFile(good, "--replace").stdout).toMatch(/^Replaced cli-test/m);

    const bad = path.join(TMP, "bad.json");
    writeFileSync(bad, JSON.stringify({ slug: "Bad Slug", issues: [], parties: [], positions: [] }));
    const refused = importFile(bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("bad.json: nothing was written.");
    expect(refused.stderr).toContain("  slug: a slug is lowercase words joined by hyphens");
    expect(refused.stderr).toMatch(/^ {2}issues: /m);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    writeFileSync(bad, "{ not json");
    expect(importFile(bad).stderr).toContain("bad.json is not valid JSON");
  });
});

describe("dataAsOf", () => {
  it("is the latest day named by any version, source, event or fact, ends of ranges included", () => {
    const source = (publishedAt: string | null) => ({ publishedAt }) as never;
    const input = {
      parties: [{ date: "2025-06-02 to 2025-12-04" }],
      positions: [{ asOf: "2025-11-20", sources: [source("2025-11-20"), source("2025-12-30/2026-01-03"), source(null)] }],
      events: [{ date: "2026-02", sources: [source("2025-12-24")] }],
      facts: [],
    } as never;
    // "2026-02" names a month, not a day: it cannot fix the date the data is current to.
    expect(dataAsOf(input)).toBe("2026-01-03");
    const version = { parties: [], positions: [{ asOf: "2025-12-18 / c. 2026-01-09", sources: [] }], events: [], facts: [] } as never;
    expect(dataAsOf(version)).toBe("2026-01-09");
  });
});

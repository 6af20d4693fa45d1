// One golden test for every seeded dossier (prisma/seed-data/*.json): what the app serves is what
// the file says. Every issue and party in order, with the words of every step of each issue's scale;
// every cell exactly once, at its current version by the one rule (lib/cells/current.ts) applied to
// the file's versions; unknown never scored; every score sourced; seeding again changes nothing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { currentVersion } from "@/lib/cells/current";
import { isSafeHttpUrl } from "@/lib/domain/safe-url";
import { toSteps, UNKNOWN_STATUSES } from "@/lib/domain/words";
import { replaceNegotiation } from "@/lib/write/dossier";
import { parseNegotiationInput } from "@/lib/write/dossier-schema";
import { ROOT } from "@/tests/support/paths";
import { readLineageJson, readMatrixJson } from "@/tests/support/routes";

const FOLDER = path.join(ROOT, "prisma", "seed-data");
const FILES = readdirSync(FOLDER)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe.each(FILES)("the seeded dossier %s", async (file) => {
  const raw = JSON.parse(readFileSync(path.join(FOLDER, file), "utf8"));
  const seed = parseNegotiationInput(raw);
  const served = await readMatrixJson(seed.slug);
  const byIssueOrder = (a: string, b: string) => seed.issues.findIndex((i) => i.slug === a) - seed.issues.findIndex((i) => i.slug === b);

  it("serves its issues and parties in the file's order, with the words of every step of each scale", () => {
    expect(served.negotiation).toMatchObject({ slug: seed.slug, title: seed.title, lowEnd: seed.lowEnd, highEnd: seed.highEnd });
    expect(served.parties.map((p) => p.slug)).toEqual(seed.parties.map((p) => p.slug));
    expect(served.issues.map((i) => i.slug)).toEqual(seed.issues.map((i) => i.slug));
    for (const issue of seed.issues) {
      const steps = served.issues.find((i) => i.slug === issue.slug)!.steps;
      expect(steps).toEqual(toSteps(JSON.stringify(issue.steps ?? []), issue.lowLabel, issue.highLabel));
      expect(steps.map((s) => s.score)).toEqual([-2, -1, 0, 1, 2]);
    }
  });

  it("serves every cell exactly once, at its current version in the file", () => {
    const cells = served.positions.map((p) => `${p.issue}|${p.party}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(cells.length).toBe(seed.issues.length * seed.parties.length);
    const partyDate = new Map(seed.parties.map((p) => [p.slug, p.date]));
    const mismatches = [];
    for (const position of served.positions) {
      const versions = seed.positions.filter((v) => v.issue === position.issue && v.party === position.party);
      const current = currentVersion(versions, partyDate.get(position.party))!;
      const expected = {
        score: current.score,
        status: current.status,
        label: current.label,
        summary: current.summary,
        quote: current.quote,
        asOf: current.asOf ?? partyDate.get(position.party),
      };
      const actual = {
        score: position.score,
        status: position.status,
        label: position.label,
        summary: position.summary,
        quote: position.quote,
        asOf: position.asOf,
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        mismatches.push({ cell: `${position.issue}|${position.party}`, expected, actual });
    }
    expect(mismatches).toEqual([]);
  });

  it("never scores an undisclosed or no-position cell, not even 0, and sources every score", () => {
    expect(served.positions.filter((p) => UNKNOWN_STATUSES.includes(p.status) && p.score !== null)).toEqual([]);
    expect(served.positions.filter((p) => p.score !== null && !p.sources.some((s) => isSafeHttpUrl(s.url)))).toEqual([]);
  });

  it("serves every draft, point and link of the file through the lineage JSON, unseen points marked", async () => {
    const lineage = await readLineageJson(seed.slug);
    expect(lineage.drafts.map((d) => d.slug)).toEqual(seed.drafts.map((d) => d.slug));
    for (const draft of seed.drafts) {
      const served = lineage.drafts.find((d) => d.slug === draft.slug)!;
      expect(served).toMatchObject({ name: draft.name, party: draft.party, date: draft.date, fullText: draft.fullText });
      expect(served.points.map((p) => [p.number, p.title, p.text, p.verbatim, p.language, p.issues, p.status, p.sources.length])).toEqual(
        draft.points.map((p) => [
          p.number,
          p.title,
          p.text,
          p.isVerbatim,
          p.language,
          [...p.issues].sort(byIssueOrder),
          p.status,
          p.sources.length,
        ]),
      );
      expect(served.points.filter((p) => p.neverSeen).map((p) => p.number)).toEqual(
        draft.points.filter((p) => p.text === null && p.sources.length === 0).map((p) => p.number),
      );
    }
    const key = (l: { fromDraft: string; fromPoint: string | null; toDraft: string; toPoint: string | null; change: string }) =>
      `${l.fromDraft}|${l.fromPoint}|${l.toDraft}|${l.toPoint}|${l.change}`;
    expect(lineage.links.map(key)).toEqual(seed.links.map(key));
  });

  it("is idempotent: seeding again leaves the same data (only the data version and time differ)", async () => {
    await replaceNegotiation(raw);
    const again = await readMatrixJson(seed.slug);
    const withoutMeta = ({ meta: _, ...rest }: typeof served) => rest;
    expect(withoutMeta(again)).toEqual(withoutMeta(served));
    expect(again.meta.dataVersion).not.toBe(served.meta.dataVersion);
  });
});

// The seeded clause lineage against its research (tests/golden/research): every draft with every
// point in order (its number, its text exactly as the research holds it, verbatim or not, its
// language, the issues it concerns, its status), points nobody saw kept as such, and every link
// with its change, basis, confidence and sources. Titles and link summaries are the dossier's own words.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "@/tests/support/paths";

type TSourceRef = { url: string | null };
type TResearchPoint = {
  number: number | string;
  title: string;
  text: string | null;
  text_is_verbatim: boolean;
  text_language?: string;
  text_en_paraphrase?: string;
  text_complete?: boolean;
  issues: string[];
  status: string | null;
  sources: TSourceRef[];
};
type TResearch = {
  drafts: { slug: string; full_text_available: boolean; points: TResearchPoint[]; sources: TSourceRef[] }[];
  links: {
    from_draft: string;
    from_point: number | string | null;
    to_draft: string;
    to_point: number | string | null;
    change: string;
    basis: string;
    confidence?: string;
    sources: TSourceRef[];
  }[];
};
type TSeedPoint = {
  number: string;
  title: string;
  text: string | null;
  isVerbatim: boolean;
  language?: string | null;
  textEn?: string | null;
  isComplete?: boolean;
  issues: string[];
  status: string;
  sources: TSourceRef[];
};
type TSeed = {
  drafts: { slug: string; party: string | null; fullText: boolean; points: TSeedPoint[]; sources: TSourceRef[] }[];
  links: {
    fromDraft: string;
    fromPoint: string | null;
    toDraft: string;
    toPoint: string | null;
    change: string;
    basis: string;
    confidence: string;
    sources: TSourceRef[];
  }[];
};

const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as T;
const research = read<TResearch>("tests/golden/research/ukraine-peace-2025-lineage.json");
const seed = read<TSeed>("prisma/seed-data/ukraine-peace-2025.json");

/** The research's draft slugs as the dossier's (its columns' slugs; the December package keeps its own). */
const SLUGS: Record<string, string> = {
  "us-28": "us-draft",
  "e3-counter": "europe",
  "geneva-framework": "revised-framework",
  "us-package-dec": "us-package-dec",
  "twenty-point": "twenty-point",
};
const urls = (sources: TSourceRef[]) => sources.map((s) => s.url);
const number = (n: number | string | null) => (n === null ? null : String(n));

/** The research's status in the dossier's four words: open and disputed as reported; anything else (reported, deleted, none) unknown. */
const status = (raw: string | null) => (raw?.startsWith("open") ? "open" : raw?.startsWith("disputed") ? "disputed" : "unknown");

describe("the seeded lineage against its research", () => {
  it("holds every draft of the research, in order, mapped to the dossier's slugs, each document column named", () => {
    expect(seed.drafts.map((d) => d.slug)).toEqual(research.drafts.map((d) => SLUGS[d.slug]));
    expect(seed.drafts.map((d) => d.party)).toEqual(["us-draft", "europe", "revised-framework", null, "twenty-point"]);
    expect(seed.drafts.map((d) => d.fullText)).toEqual(research.drafts.map((d) => d.full_text_available));
    for (const [index, d] of research.drafts.entries()) expect(urls(seed.drafts[index]!.sources)).toEqual(urls(d.sources));
  });

  it("holds every point of each draft with its text exactly, verbatim or not, its language, issues, status and sources", () => {
    for (const [index, draft] of research.drafts.entries()) {
      const points = seed.drafts[index]!.points;
      expect(points.map((p) => p.number)).toEqual(draft.points.map((p) => String(p.number)));
      for (const [at, p] of draft.points.entries()) {
        const s = points[at]!;
        const where = `${draft.slug} ${p.number}`;
        expect({ where, text: s.text, verbatim: s.isVerbatim, language: s.language ?? undefined, textEn: s.textEn ?? undefined }).toEqual({
          where,
          text: p.text,
          verbatim: p.text_is_verbatim,
          language: p.text_language,
          textEn: p.text_en_paraphrase,
        });
        expect({ where, complete: s.isComplete ?? true, issues: [...s.issues].sort(), status: s.status, urls: urls(s.sources) }).toEqual({
          where,
          complete: p.text_complete ?? true,
          issues: [...p.issues].sort(),
          status: status(p.status),
          urls: urls(p.sources),
        });
      }
    }
  });

  it("keeps the points nobody saw as unknown, without text or sources: the nine of the European text", () => {
    const unseen = seed.drafts.flatMap((d) =>
      d.points.filter((p) => p.text === null && p.sources.length === 0).map((p) => `${d.slug} ${p.number}`),
    );
    const inResearch = research.drafts.flatMap((d) =>
      d.points.filter((p) => p.status === "unknown (not seen)").map((p) => `${SLUGS[d.slug]} ${p.number}`),
    );
    expect(unseen).toEqual(inResearch);
    expect(unseen).toHaveLength(9);
  });

  it("holds every link of the research with its change, basis, confidence and sources, and no other", () => {
    expect(seed.links).toHaveLength(research.links.length);
    const basis = (raw: string) => (raw.startsWith("my comparison") ? "comparison" : "press");
    for (const [index, l] of research.links.entries()) {
      const s = seed.links[index]!;
      expect({ index, from: [s.fromDraft, s.fromPoint], to: [s.toDraft, s.toPoint], change: s.change }).toEqual({
        index,
        from: [SLUGS[l.from_draft], number(l.from_point)],
        to: [SLUGS[l.to_draft], number(l.to_point)],
        change: l.change,
      });
      expect({ index, basis: s.basis, confidence: s.confidence, urls: urls(s.sources) }).toEqual({
        index,
        basis: basis(l.basis),
        confidence: l.confidence ?? "high",
        urls: urls(l.sources),
      });
    }
    const changes: Record<string, number> = {};
    for (const l of seed.links) changes[l.change] = (changes[l.change] ?? 0) + 1;
    expect(changes).toEqual({
      kept: 6,
      modified: 29,
      deleted: 7,
      renumbered: 6,
      split: 4,
    });
  });
});

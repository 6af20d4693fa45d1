// The rules of the clause lineage, by hand: coverage in words, open points per draft, and the
// comparison of two or three drafts (direct links first, then through the middle draft; a point
// with no link has an unknown fate; later points no link reaches are rows of their own).
import { describe, expect, it } from "vitest";
import {
  compareDrafts,
  describeCoverage,
  isNeverSeen,
  linksShown,
  openPoints,
  type TDraft,
  type TLink,
  type TPoint,
} from "@/lib/lineage/lineage";
import { ZLinkInput, ZPointInput } from "@/lib/lineage/schema";

const point = (number: string, issues: string[] = [], more: Partial<TPoint> = {}): TPoint => ({
  version: 1,
  number,
  title: `P${number}`,
  text: `Text ${number}`,
  isVerbatim: true,
  language: null,
  textEn: null,
  isComplete: true,
  issues,
  status: "unknown",
  statusNote: null,
  statusDate: null,
  notes: null,
  sources: [{}],
  ...more,
});
const draft = (slug: string, points: TPoint[], reportedPoints: number | null = null): TDraft => ({
  slug,
  name: slug.toUpperCase(),
  party: null,
  date: "2025-11-20",
  publishedOn: "2025-11-20",
  fullText: true,
  reportedPoints,
  notes: null,
  sources: [],
  points,
});
const link = (fromDraft: string, fromPoint: string | null, toDraft: string, toPoint: string | null, change: TLink["change"]): TLink => ({
  version: 1,
  fromDraft,
  fromPoint,
  toDraft,
  toPoint,
  change,
  summary: `${fromPoint}→${toPoint}`,
  basis: "comparison",
  basisNote: null,
  confidence: "high",
  notes: null,
  sources: [],
});

const unseen = point("3", [], { text: null, isVerbatim: false, sources: [] });
const LINEAGE = {
  drafts: [
    draft("a", [point("1", ["x"]), point("2", ["y"]), unseen]),
    draft("b", [point("1", ["x"], { isVerbatim: false }), point("B2", ["y"], { status: "open" })], 19),
    draft("c", [point("1", ["x"], { status: "open" }), point("2", ["y"]), point("3", ["z"])]),
  ],
  links: [
    link("a", "1", "b", "1", "modified"),
    link("a", "2", "b", "B2", "renumbered"),
    link("b", "B2", "c", "2", "kept"),
    link("a", "1", "c", "1", "kept"),
    link("a", "3", "c", null, "deleted"),
  ],
};

describe("coverage and open points", () => {
  it("says how many points are on file, verbatim and never seen, with the reported count where it differs", () => {
    expect(describeCoverage(LINEAGE.drafts[0]!)).toBe("3 points on file, 2 verbatim, 1 point never seen");
    expect(describeCoverage(LINEAGE.drafts[1]!)).toBe("2 points on file (reported to have 19), 1 verbatim");
    expect(describeCoverage(draft("d", [point("1", [], { text: null, isVerbatim: false })]))).toBe(
      "1 point on file, 0 verbatim, 1 known only to exist",
    );
    expect(isNeverSeen(unseen)).toBe(true);
    expect(isNeverSeen(point("4", [], { text: null, isVerbatim: false }))).toBe(false);
  });

  it("counts the open points concerning the issues shown", () => {
    expect(openPoints(LINEAGE.drafts[2]!, null)).toEqual({ open: 1, of: 3 });
    expect(openPoints(LINEAGE.drafts[2]!, ["y", "z"])).toEqual({ open: 0, of: 2 });
    expect(openPoints(LINEAGE.drafts[1]!, ["y"])).toEqual({ open: 1, of: 1 });
  });
});

describe("compareDrafts", () => {
  it("gives a row per earlier point, then the later points no link reaches", () => {
    const rows = compareDrafts(LINEAGE, ["a", "c"], null);
    expect(
      rows.map((r) => [r.point?.number ?? null, r.later[0]!.steps.map((s) => s.link.change), r.later[0]!.points.map((p) => p.number)]),
    ).toEqual([
      ["1", ["kept"], ["1"]],
      ["2", [], []],
      ["3", ["deleted"], []],
      [null, [], ["2"]],
      [null, [], ["3"]],
    ]);
  });

  it("follows a point through the middle draft when it has no direct link to the third", () => {
    const rows = compareDrafts(LINEAGE, ["a", "b", "c"], null);
    const two = rows.find((r) => r.point?.number === "2")!;
    expect(two.later.map((c) => c.points.map((p) => p.number))).toEqual([["B2"], ["2"]]);
    expect(two.later[1]!.steps.map((s) => s.via)).toEqual(["b"]);
    const one = rows.find((r) => r.point?.number === "1")!;
    expect(one.later[1]!.steps.map((s) => [s.link.change, s.via])).toEqual([["kept", null]]);
    expect(rows.filter((r) => r.point === null).map((r) => r.later[1]!.points.map((p) => p.number))).toEqual([["3"]]);
  });

  it("keeps only the points concerning the issues, and the links touching them", () => {
    expect(compareDrafts(LINEAGE, ["a", "c"], ["x"]).map((r) => r.point?.number ?? r.later[0]!.points[0]!.number)).toEqual(["1"]);
    expect(linksShown(LINEAGE, ["y"]).map((l) => l.summary)).toEqual(["2→B2", "B2→2"]);
  });
});

describe("the input rules", () => {
  const source = { title: "T", publisher: "P", url: "https://example.org", publishedAt: "2025-11-20" };
  const base = { fromDraft: "a", toDraft: "b", summary: "s", basis: "press", sources: [source] };
  const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.error?.issues.map((i) => i.message) ?? [];

  it("gives a deleted point no later point, an added point no earlier one, and every other change both", () => {
    expect(ZLinkInput.safeParse({ ...base, fromPoint: "1", toPoint: null, change: "deleted" }).success).toBe(true);
    expect(messages(ZLinkInput.safeParse({ ...base, fromPoint: "1", toPoint: "2", change: "deleted" }))).toEqual([
      "a deleted point has no later point",
    ]);
    expect(messages(ZLinkInput.safeParse({ ...base, fromPoint: "1", toPoint: "2", change: "added" }))).toEqual([
      "an added point has no earlier point",
    ]);
    expect(messages(ZLinkInput.safeParse({ ...base, fromPoint: "1", toPoint: null, change: "split" }))).toEqual([
      "a split link names its later point",
    ]);
    expect(messages(ZLinkInput.safeParse({ ...base, toDraft: "a", fromPoint: "1", toPoint: "1", change: "kept" }))).toEqual([
      "a link joins two different drafts",
    ]);
    expect(messages(ZLinkInput.safeParse({ ...base, fromPoint: "1", toPoint: "1", change: "kept", sources: [] }))).toEqual([
      "a link cites its sources",
    ]);
  });

  it("keeps a point nobody saw without text, verbatim flag or translation, and a seen point sourced", () => {
    const seen = { number: "1", title: "t", text: "x", isVerbatim: true, status: "open", sources: [source] };
    expect(ZPointInput.safeParse(seen).success).toBe(true);
    expect(messages(ZPointInput.safeParse({ ...seen, text: null }))).toEqual([
      "a point without text is not verbatim and has no language or translation",
    ]);
    expect(messages(ZPointInput.safeParse({ ...seen, sources: [] }))).toEqual(["a point's text cites the rendering it comes from"]);
    expect(messages(ZPointInput.safeParse({ ...seen, language: "lv" }))).toEqual([
      "a text in another language carries an English paraphrase",
    ]);
    expect(messages(ZPointInput.safeParse({ ...seen, number: "7/8" }))).toEqual([
      "a point number is letters, digits, spaces, dots, hyphens and parentheses",
    ]);
    expect(messages(ZPointInput.safeParse({ ...seen, status: "pending" })).length).toBe(1);
  });
});

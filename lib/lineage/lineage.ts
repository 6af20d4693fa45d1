// Clause lineage: which point of one draft became which point of a later one. A point nobody
// could see stays on file without text and is said to be never seen, never reconstructed; a point
// with no link on file has an unknown fate, never "deleted". Pure: the pages, exports and tests use it.

export const POINT_STATUSES = ["agreed", "open", "disputed", "unknown"] as const;
export type TPointStatus = (typeof POINT_STATUSES)[number];

export const LINK_CHANGES = ["kept", "modified", "deleted", "added", "split", "merged", "renumbered"] as const;
export type TLinkChange = (typeof LINK_CHANGES)[number];

export const LINK_BASES = ["press", "comparison"] as const;
export type TLinkBasis = (typeof LINK_BASES)[number];

export const CHANGE_WORDS: Record<TLinkChange, string> = {
  kept: "kept",
  modified: "modified",
  deleted: "deleted",
  added: "added",
  split: "split",
  merged: "merged",
  renumbered: "renumbered",
};

export const BASIS_WORDS: Record<TLinkBasis, string> = {
  press: "stated by the press",
  comparison: "our comparison of the two cited texts",
};

export const STATUS_WORDS: Record<TPointStatus, string> = {
  agreed: "agreed",
  open: "open",
  disputed: "disputed",
  unknown: "status unknown",
};

/** A point as the views show it: its latest version, with the slugs of the issues it concerns. */
export type TPoint<S = unknown> = {
  /** The id of the version shown (an editor's change names it, so that a change made meanwhile is not overwritten). */
  version: number;
  number: string;
  title: string;
  /** Null: the wording was never seen. */
  text: string | null;
  isVerbatim: boolean;
  language: string | null;
  textEn: string | null;
  isComplete: boolean;
  issues: string[];
  status: TPointStatus;
  statusNote: string | null;
  statusDate: string | null;
  notes: string | null;
  sources: S[];
};

export type TDraft<S = unknown> = {
  slug: string;
  name: string;
  /** The matrix column that is this document, if any. */
  party: string | null;
  date: string;
  publishedOn: string;
  fullText: boolean;
  reportedPoints: number | null;
  notes: string | null;
  sources: S[];
  points: TPoint<S>[];
};

export type TLink<S = unknown> = {
  /** The id of the version shown. */
  version: number;
  fromDraft: string;
  fromPoint: string | null;
  toDraft: string;
  toPoint: string | null;
  change: TLinkChange;
  summary: string;
  basis: TLinkBasis;
  basisNote: string | null;
  confidence: "high" | "medium" | "low";
  notes: string | null;
  sources: S[];
};

export type TLineage<S = unknown> = { drafts: TDraft<S>[]; links: TLink<S>[] };

/** A point nobody could see: no wording and no source that reports it. */
export const isNeverSeen = (point: Pick<TPoint, "text" | "sources">): boolean => point.text === null && point.sources.length === 0;

/** A draft's coverage: points on file, verbatim, never seen, and reported only (no wording published). */
export function coverageOf(draft: Pick<TDraft, "points">) {
  return {
    points: draft.points.length,
    verbatim: draft.points.filter((p) => p.isVerbatim).length,
    neverSeen: draft.points.filter(isNeverSeen).length,
    withoutText: draft.points.filter((p) => p.text === null && !isNeverSeen(p)).length,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "28 points, 25 verbatim; 9 never seen", with the reported count where the text on file is partial. */
export function describeCoverage(draft: Pick<TDraft, "points" | "reportedPoints">): string {
  const c = coverageOf(draft);
  const parts = [
    `${plural(c.points, "point")} on file${draft.reportedPoints !== null ? ` (reported to have ${draft.reportedPoints})` : ""}`,
    `${c.verbatim} verbatim`,
    ...(c.neverSeen > 0 ? [`${plural(c.neverSeen, "point")} never seen`] : []),
    ...(c.withoutText > 0 ? [`${c.withoutText} known only to exist`] : []),
  ];
  return parts.join(", ");
}

/** Whether a point concerns any of the issues (null: every point). */
export const concerns = (point: Pick<TPoint, "issues">, issues: readonly string[] | null): boolean =>
  issues === null || point.issues.some((issue) => issues.includes(issue));

/** The later side of one link in a comparison row: what happened and the point(s) it became. */
export type TStep<S = unknown> = { link: TLink<S>; point: TPoint<S> | null; via: string | null };

/** One row of a comparison: an earlier point (or none: a later point no link reaches) and, per later draft, what became of it. */
export type TComparisonRow<S = unknown> = {
  point: TPoint<S> | null;
  /** Per later draft, in order: the links from this row's point (none: no link on file, the fate unknown). */
  later: { draft: string; steps: TStep<S>[]; points: TPoint<S>[] }[];
};

/**
 * The multi-column comparison of two or three drafts, earliest first: a row per point of the first
 * (deletions included, as rows saying so), then rows for later points that no link from an earlier
 * column reaches (an `added` link says so; otherwise their origin is not on file). With three
 * drafts, a point with no direct link to the third follows its links through the second.
 * Only points concerning the issues (null: all) and links touching them are shown.
 */
export function compareDrafts<S>(lineage: TLineage<S>, slugs: readonly string[], issues: readonly string[] | null): TComparisonRow<S>[] {
  const drafts = slugs.map((slug) => lineage.drafts.find((d) => d.slug === slug)!);
  const [first, ...later] = drafts;
  if (!first) return [];
  const pointOf = (draft: string, number: string | null) =>
    number === null ? null : (lineage.drafts.find((d) => d.slug === draft)?.points.find((p) => p.number === number) ?? null);
  const linksFrom = (draft: string, number: string, to: string) =>
    lineage.links.filter((l) => l.fromDraft === draft && l.fromPoint === number && l.toDraft === to);
  const reached = new Set<string>();
  /** The columns after `from` (an index into `later`, -1: the first draft), following links from the points of the column before. */
  const follow = (from: number, points: TPoint<S>[]): TComparisonRow<S>["later"] => {
    const columns: TComparisonRow<S>["later"] = later.map((d) => ({ draft: d.slug, steps: [], points: [] }));
    for (let index = from + 1; index < later.length; index++) {
      const draft = later[index]!;
      const sources = [
        { draft: index === 0 ? first : later[index - 1]!, points: index === from + 1 ? points : columns[index - 1]!.points },
      ];
      // A point with no direct link to the third draft follows its links through the second.
      if (index > 0 && index === from + 2) sources.unshift({ draft: from === -1 ? first : later[from]!, points });
      let steps: TStep<S>[] = [];
      for (const [order, source] of sources.entries()) {
        if (steps.length > 0) break;
        steps = source.points.flatMap((p) =>
          linksFrom(source.draft.slug, p.number, draft.slug).map((link) => ({
            link,
            point: pointOf(draft.slug, link.toPoint),
            via: order === 0 || sources.length === 1 ? null : source.draft.slug,
          })),
        );
      }
      const reachedPoints = steps.flatMap((s) => (s.point ? [s.point] : []));
      for (const p of reachedPoints) reached.add(`${draft.slug}|${p.number}`);
      columns[index] = { draft: draft.slug, steps, points: reachedPoints };
    }
    return columns;
  };
  const rows: TComparisonRow<S>[] = first.points.filter((p) => concerns(p, issues)).map((point) => ({ point, later: follow(-1, [point]) }));
  for (const [index, draft] of later.entries()) {
    for (const point of draft.points.filter((p) => concerns(p, issues))) {
      if (reached.has(`${draft.slug}|${point.number}`)) continue;
      reached.add(`${draft.slug}|${point.number}`);
      const added = lineage.links.filter((l) => l.toDraft === draft.slug && l.toPoint === point.number && l.change === "added");
      const columns = follow(index, [point]);
      columns[index] = { draft: draft.slug, steps: added.map((link) => ({ link, point, via: null })), points: [point] };
      rows.push({ point: null, later: columns });
    }
  }
  return rows;
}

/** The links of a lineage between drafts a view shows and touching points concerning the issues (null: all). */
export function linksShown<S>(lineage: TLineage<S>, issues: readonly string[] | null): TLink<S>[] {
  const point = (draft: string, number: string | null) =>
    number === null ? undefined : lineage.drafts.find((d) => d.slug === draft)?.points.find((p) => p.number === number);
  return lineage.links.filter((l) => {
    const ends = [point(l.fromDraft, l.fromPoint), point(l.toDraft, l.toPoint)].filter((p) => p !== undefined);
    return ends.length > 0 && ends.some((p) => concerns(p, issues));
  });
}

/** Per draft, how many of its points concerning the issues are open, of how many. */
export function openPoints(draft: Pick<TDraft, "points">, issues: readonly string[] | null): { open: number; of: number } {
  const shown = draft.points.filter((p) => concerns(p, issues));
  return { open: shown.filter((p) => p.status === "open").length, of: shown.length };
}

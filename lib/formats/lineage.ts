import "server-only";
import { z } from "zod";
import { CONFIDENCES } from "../domain/words";
import { formatSourceLine } from "../domain/format";
import type { TSource } from "../cells/schema";
import { isNeverSeen, LINK_BASES, LINK_CHANGES, POINT_STATUSES, type TDraft, type TLineage, type TLink } from "../lineage/lineage";
import type { TLineageView } from "../read/lineage-view";
import { writeCsv, yesNo, type TCsvCell } from "./csv";
import { ZMetaJson, ZSourceJson, type TMetaJson } from "./json";

// The public formats of the clause lineage: a named JSON schema and the CSV of its links, both
// built from the one view (lib/read/lineage-view.ts), so that the two always agree.

export const ZPointJson = z.strictObject({
  number: z.string(),
  title: z.string(),
  /** Null: the wording was not seen (see `neverSeen`: nobody reported the point at all). */
  text: z.string().nullable(),
  verbatim: z.boolean(),
  /** The text's language when not English (BCP 47), with `textEn` an English paraphrase. */
  language: z.string().nullable(),
  textEn: z.string().nullable(),
  complete: z.boolean(),
  neverSeen: z.boolean(),
  issues: z.array(z.string()),
  status: z.enum(POINT_STATUSES),
  statusNote: z.string().nullable(),
  statusDate: z.string().nullable(),
  notes: z.string().nullable(),
  sources: z.array(ZSourceJson),
});

/** `GET /api/negotiations/{slug}/lineage`: the drafts (filtered by `from`, `to`), their points (by `issues`) and the links between them. */
export const ZLineageJson = z.strictObject({
  meta: ZMetaJson,
  drafts: z.array(
    z.strictObject({
      slug: z.string(),
      name: z.string(),
      /** The matrix column that is this document, if any. */
      party: z.string().nullable(),
      date: z.string(),
      publishedOn: z.string(),
      fullText: z.boolean(),
      reportedPoints: z.number().int().nullable(),
      notes: z.string().nullable(),
      sources: z.array(ZSourceJson),
      points: z.array(ZPointJson),
    }),
  ),
  links: z.array(
    z.strictObject({
      fromDraft: z.string(),
      /** Null for an added point. */
      fromPoint: z.string().nullable(),
      toDraft: z.string(),
      /** Null for a deleted point: no successor. */
      toPoint: z.string().nullable(),
      change: z.enum(LINK_CHANGES),
      summary: z.string(),
      basis: z.enum(LINK_BASES),
      basisNote: z.string().nullable(),
      confidence: z.enum(CONFIDENCES),
      notes: z.string().nullable(),
      sources: z.array(ZSourceJson),
    }),
  ),
  notices: z.array(z.string()),
});
export type TLineageJson = z.infer<typeof ZLineageJson>;

export function toLineageJson(meta: TMetaJson, view: TLineageView): TLineageJson {
  return {
    meta,
    drafts: view.exported.drafts.map(({ points, ...d }) => ({
      ...d,
      // The version ids are the editors' (to refuse a stale change), not part of the public format.
      points: points.map(({ version: _, isVerbatim, isComplete, ...p }) => ({
        ...p,
        verbatim: isVerbatim,
        complete: isComplete,
        neverSeen: isNeverSeen(p),
      })),
    })),
    links: view.exported.links.map(({ version: _, ...l }) => l),
    notices: view.notices,
  };
}

export const LINEAGE_COLUMNS = [
  "from_draft",
  "from_point",
  "from_title",
  "change",
  "to_draft",
  "to_point",
  "to_title",
  "summary",
  "basis",
  "confidence",
  "sources",
] as const;

/** The rows of the links, with both points' titles (empty: no point on that side) and the citations joined by " | ". */
export function linkRows(lineage: TLineage<TSource>, links: readonly TLink<TSource>[]): TCsvCell[][] {
  const title = (draft: string, number: string | null) =>
    number === null ? null : (lineage.drafts.find((d) => d.slug === draft)?.points.find((p) => p.number === number)?.title ?? null);
  return links.map((l) => [
    l.fromDraft,
    l.fromPoint,
    title(l.fromDraft, l.fromPoint),
    l.change,
    l.toDraft,
    l.toPoint,
    title(l.toDraft, l.toPoint),
    l.summary,
    l.basis,
    l.confidence,
    l.sources.map(formatSourceLine).join(" | "),
  ]);
}

/** One row per link of the view, as its JSON holds them. */
export function toLineageCsv(view: TLineageView): string {
  return writeCsv(LINEAGE_COLUMNS, linkRows(view.lineage, view.exported.links));
}

export const POINT_COLUMNS = [
  "draft",
  "number",
  "title",
  "text",
  "verbatim",
  "language",
  "text_en",
  "complete",
  "never_seen",
  "issues",
  "status",
  "status_note",
  "notes",
  "sources",
] as const;

/** One row per point of the drafts, in their order. */
export function pointRows(drafts: readonly TDraft<TSource>[]): TCsvCell[][] {
  return drafts.flatMap((d) =>
    d.points.map((p) => [
      d.slug,
      p.number,
      p.title,
      p.text,
      yesNo(p.isVerbatim),
      p.language,
      p.textEn,
      yesNo(p.isComplete),
      yesNo(isNeverSeen(p)),
      p.issues.join(" ") || null,
      p.status,
      p.statusNote,
      p.notes,
      p.sources.map(formatSourceLine).join(" | ") || null,
    ]),
  );
}

import "server-only";
import { z } from "zod";
import { TEXT_LIMITS as L, ZConfidence, ZDateText, ZOptionalText, ZSlug, ZText } from "../cells/fields";
import { ZSource } from "../cells/schema";
import { isCalendarDay } from "../domain/dates";
import { LINK_BASES, LINK_CHANGES, POINT_STATUSES } from "./lineage";

// Drafts, their points and the links between points as a dossier file holds them (and the
// structure editor's changes): validated here, and again by the database's CHECKs.

/** A point's number as the draft gives it ("7", "G1", "20pt-Dec (a)"); printable, no slashes. */
export const ZPointNumber = z
  .string()
  .min(1)
  .max(40, "a point number is at most 40 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} .()\-]*$/u, "a point number is letters, digits, spaces, dots, hyphens and parentheses");

/** What a point says: one version of it. A point whose wording nobody saw has no text, never a reconstruction. */
export const ZPointFields = z.object({
  title: ZText(L.label),
  text: ZOptionalText(L.quote * 4),
  isVerbatim: z.boolean(),
  /** The language of the text when it is not English (a BCP 47 tag); textEn is then an English paraphrase. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language is a tag such as lv or uk")
    .nullish()
    .transform((v) => v ?? null),
  textEn: ZOptionalText(L.quote * 4),
  isComplete: z.boolean().default(true),
  issues: z.array(ZSlug).max(50).default([]),
  status: z.enum(POINT_STATUSES),
  statusNote: ZOptionalText(L.description),
  statusDate: ZDateText.nullish().transform((v) => v ?? null),
  notes: ZOptionalText(L.notes),
  sources: z.array(ZSource).max(50).default([]),
});

function checkPoint(p: z.output<typeof ZPointFields>, ctx: z.RefinementCtx) {
  if (p.text === null && (p.isVerbatim || p.language !== null || p.textEn !== null))
    ctx.addIssue({ code: "custom", path: ["text"], message: "a point without text is not verbatim and has no language or translation" });
  if (p.language !== null && p.textEn === null)
    ctx.addIssue({ code: "custom", path: ["textEn"], message: "a text in another language carries an English paraphrase" });
  if (p.text !== null && p.sources.length === 0)
    ctx.addIssue({ code: "custom", path: ["sources"], message: "a point's text cites the rendering it comes from" });
  if (new Set(p.issues).size !== p.issues.length) ctx.addIssue({ code: "custom", path: ["issues"], message: "an issue is named twice" });
}

export const ZPointInput = ZPointFields.extend({ number: ZPointNumber }).superRefine(checkPoint);
export type TPointInput = z.output<typeof ZPointInput>;

export const ZDraftInput = z
  .object({
    slug: ZSlug,
    name: ZText(L.name),
    /** The matrix column that is this document, if it is one. */
    party: ZSlug.nullish().transform((v) => v ?? null),
    date: ZDateText,
    /** The first day the text was known: a view as of an earlier day leaves the draft out. */
    publishedOn: z.string().refine(isCalendarDay, "a draft is published on a day, YYYY-MM-DD"),
    fullText: z.boolean(),
    reportedPoints: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .nullish()
      .transform((v) => v ?? null),
    notes: ZOptionalText(L.notes),
    sources: z.array(ZSource).max(50).default([]),
    points: z.array(ZPointInput).max(1000),
  })
  .superRefine((d, ctx) => {
    const numbers = new Set<string>();
    for (const [index, p] of d.points.entries())
      if (numbers.size === numbers.add(p.number).size)
        ctx.addIssue({ code: "custom", path: ["points", index, "number"], message: `two points are numbered "${p.number}"` });
  });
export type TDraftInput = z.output<typeof ZDraftInput>;

/** What became of a point in a later draft: a deleted point has no later point, an added one no earlier point. */
export const ZLinkInput = z
  .object({
    fromDraft: ZSlug,
    fromPoint: ZPointNumber.nullable(),
    toDraft: ZSlug,
    toPoint: ZPointNumber.nullable(),
    change: z.enum(LINK_CHANGES),
    summary: ZText(L.summary),
    basis: z.enum(LINK_BASES),
    basisNote: ZOptionalText(L.description),
    confidence: ZConfidence.default("high"),
    notes: ZOptionalText(L.notes),
    sources: z.array(ZSource).min(1, "a link cites its sources").max(50),
  })
  .superRefine((l, ctx) => {
    if (l.fromDraft === l.toDraft) ctx.addIssue({ code: "custom", path: ["toDraft"], message: "a link joins two different drafts" });
    if (l.change === "deleted" && l.toPoint !== null)
      ctx.addIssue({ code: "custom", path: ["toPoint"], message: "a deleted point has no later point" });
    if (l.change === "added" && l.fromPoint !== null)
      ctx.addIssue({ code: "custom", path: ["fromPoint"], message: "an added point has no earlier point" });
    if (l.change !== "added" && l.fromPoint === null)
      ctx.addIssue({ code: "custom", path: ["fromPoint"], message: `a ${l.change} link names its earlier point` });
    if (l.change !== "deleted" && l.toPoint === null)
      ctx.addIssue({ code: "custom", path: ["toPoint"], message: `a ${l.change} link names its later point` });
  });
export type TLinkInput = z.output<typeof ZLinkInput>;

/** The key of a link: a later version of the same pair replaces it. */
export const linkKey = (l: Pick<TLinkInput, "fromDraft" | "fromPoint" | "toDraft" | "toPoint">) =>
  `${l.fromDraft}|${l.fromPoint ?? ""}|${l.toDraft}|${l.toPoint ?? ""}`;

/**
 * The checks across a dossier's lineage: drafts named once, each a document column if it names one,
 * points concerning known issues, links naming drafts and points that exist, one version per pair.
 */
export function checkLineage(
  n: { drafts: TDraftInput[]; links: TLinkInput[]; issues: { slug: string }[]; parties: { slug: string; kind: string }[] },
  ctx: z.RefinementCtx,
) {
  const drafts = new Map<string, TDraftInput>();
  const issues = new Set(n.issues.map((i) => i.slug));
  for (const [index, d] of n.drafts.entries()) {
    if (drafts.has(d.slug)) ctx.addIssue({ code: "custom", path: ["drafts", index, "slug"], message: `two drafts are called "${d.slug}"` });
    drafts.set(d.slug, d);
    if (d.party !== null && !n.parties.some((p) => p.slug === d.party && p.kind === "document"))
      ctx.addIssue({
        code: "custom",
        path: ["drafts", index, "party"],
        message: `"${d.party}" is not one of the dossier's document columns`,
      });
    for (const [at, p] of d.points.entries())
      for (const issue of p.issues.filter((i) => !issues.has(i)))
        ctx.addIssue({ code: "custom", path: ["drafts", index, "points", at, "issues"], message: `no issue has the slug "${issue}"` });
  }
  const keys = new Set<string>();
  for (const [index, l] of n.links.entries()) {
    for (const [end, draft, point] of [
      ["from", l.fromDraft, l.fromPoint],
      ["to", l.toDraft, l.toPoint],
    ] as const) {
      const d = drafts.get(draft);
      if (!d) ctx.addIssue({ code: "custom", path: ["links", index, `${end}Draft`], message: `no draft is called "${draft}"` });
      else if (point !== null && !d.points.some((p) => p.number === point))
        ctx.addIssue({ code: "custom", path: ["links", index, `${end}Point`], message: `${draft} has no point "${point}"` });
    }
    if (keys.size === keys.add(linkKey(l)).size)
      ctx.addIssue({ code: "custom", path: ["links", index], message: "two links join the same points" });
  }
}

import "server-only";
import { z } from "zod";
import { UNKNOWN_STATUSES } from "../domain/words";
import { AGREEMENTS, computedConfidence } from "./confidence";
import { agreementOf, RANKS } from "./readings";
import { isSafeHttpUrl } from "../domain/safe-url";
import {
  atMost,
  TEXT_LIMITS as L,
  ZConfidence,
  ZDateText,
  ZOptionalText,
  ZPublishedDate,
  ZScore,
  ZSlug,
  ZSourceKind,
  ZStatus,
  ZText,
} from "./fields";

// The one definition of a cell: what a version says (its content) and how each source is cited.
// Everything else is derived from it: the types the views and components use (TCellContent,
// TSource), the input a version is written from (ZCellVersionInput: the dossier file, the editor,
// the write API, imports), the public JSON of a position (ZCellApiJson) and the long CSV's columns
// (CELL_CONTENT_KEYS, in this order).

export const ZSource = z.object({
  title: ZText(L.sourceTitle),
  publisher: ZText(L.name),
  url: z
    .string()
    .max(L.url, atMost(L.url))
    .refine(isSafeHttpUrl, "a source URL must be an absolute http(s) address without spaces")
    .nullable(),
  publishedAt: ZPublishedDate.nullable(),
  isDateApproximate: z.boolean().default(false),
  note: ZOptionalText(L.description),
  kind: ZSourceKind.nullish().transform((v) => v ?? null),
  relays: ZOptionalText(L.name),
  kindNote: ZOptionalText(L.description),
  flags: z
    .array(z.string().regex(/^[a-z_]{1,40}$/, "a flag is a word in lowercase and underscores"))
    .max(10)
    .default([]),
});
/** A source as cited: title, publisher, address, date, note, and how it is known. */
export type TSource = z.output<typeof ZSource>;
/** A source's fields, in their order. */
export const SOURCE_KEYS = Object.keys(ZSource.shape) as (keyof TSource)[];

/** A cell's content field by field, in the order the long CSV lists them. */
const CELL_CONTENT = {
  score: ZScore,
  status: ZStatus,
  confidence: ZConfidence,
  /** When this version was taken or became known, as written ("c. 2025-11-21", a range); null: from the party's date. */
  asOf: ZDateText.nullish().transform((v) => v ?? null),
  /** What the position is, in a few words, for the compact matrix. */
  label: ZText(L.positionLabel),
  summary: ZText(L.summary),
  quote: ZOptionalText(L.quote),
  notes: ZOptionalText(L.notes),
  /** Why the editor's confidence differs from the one the rule computes from the evidence (required then). */
  confidenceReason: ZOptionalText(L.description),
};

/** The evidence behind a version, which the confidence rule reads (null: not assessed). */
export const ZEvidence = z.object({
  /** The independent originals: the outlets that obtained the text or the statement (copies, mirrors and relays count once). */
  originals: z.array(ZText(L.name)).max(100),
  agreement: z.enum(AGREEMENTS),
});

/** The content fields of a cell, in their order (the long CSV's columns follow it). */
export const CELL_CONTENT_KEYS = Object.keys(CELL_CONTENT) as (keyof typeof CELL_CONTENT)[];

/** A competing reading of a version: what another independent original says of the same version (./readings.ts). */
export const ZReading = z.object({
  score: ZScore,
  status: ZStatus,
  summary: ZText(L.summary),
  quote: ZOptionalText(L.quote),
  sources: z.array(ZSource).min(1, "a competing reading names its sources").max(20, "at most 20 sources"),
  /** normal: a credible competing reading; deprecated: its source corrected or retracted it (kept, and shown as such). */
  rank: z.enum(RANKS.filter((r) => r !== "preferred") as ["normal", "deprecated"]),
  /** Why it has this rank. */
  reason: ZText(L.description),
});
/** A competing reading of a version. */
export type TReading = z.output<typeof ZReading>;

export const ZCellContent = z.object({
  ...CELL_CONTENT,
  evidence: ZEvidence.nullish().transform((v) => v ?? null),
  sources: z.array(ZSource),
  /** The version's competing readings; its own content is the preferred reading. */
  readings: z.array(ZReading).max(10, "at most 10 competing readings").default([]),
  /** Why the version's own reading is preferred over its competing ones (required when it has any). */
  preferredReason: ZOptionalText(L.description),
});
/** What one version of a cell says. */
export type TCellContent = z.output<typeof ZCellContent>;

/** The rules a version's content obeys, whatever writes it (also CHECK constraints in the database). */
function checkContent(p: z.output<typeof ZCellVersionFields>, ctx: z.RefinementCtx) {
  const unknown = UNKNOWN_STATUSES.includes(p.status);
  if (p.sources.length === 0 && !unknown)
    ctx.addIssue({ code: "custom", path: ["sources"], message: "a position needs at least one source unless its content is unknown" });
  if (unknown && p.score !== null)
    ctx.addIssue({ code: "custom", path: ["score"], message: "an undisclosed or no-position cell has a null score, never a number" });
  if (p.score !== null && !p.sources.some((s) => isSafeHttpUrl(s.url)))
    ctx.addIssue({ code: "custom", path: ["sources"], message: "a scored position needs at least one source with an http(s) URL" });
  if (p.retracts !== null && p.score !== null)
    ctx.addIssue({ code: "custom", path: ["score"], message: "a retraction withdraws an earlier version and has no score of its own" });
  p.readings.forEach((r, index) => {
    if (UNKNOWN_STATUSES.includes(r.status) && r.score !== null)
      ctx.addIssue({
        code: "custom",
        path: ["readings", index, "score"],
        message: "an undisclosed or no-position reading has a null score",
      });
    if (r.score !== null && r.sources.length > 0 && !r.sources.some((s) => isSafeHttpUrl(s.url)))
      ctx.addIssue({
        code: "custom",
        path: ["readings", index, "sources"],
        message: "a scored reading needs at least one source with an http(s) URL",
      });
  });
  if (p.readings.length > 0 && p.preferredReason === null)
    ctx.addIssue({ code: "custom", path: ["preferredReason"], message: "a version with competing readings says why its own is preferred" });
  if (p.readings.length > 0 && p.retracts !== null)
    ctx.addIssue({ code: "custom", path: ["readings"], message: "a retraction has no readings of its own" });
  // The agreement the rule reads is the readings' own when there are competing readings.
  if (p.evidence && p.readings.length > 0 && p.evidence.agreement !== agreementOf(p))
    ctx.addIssue({
      code: "custom",
      path: ["evidence", "agreement"],
      message: `the agreement of the readings that stand is ${agreementOf(p)}, not ${p.evidence.agreement}`,
    });
  const computed = computedConfidence(p.evidence);
  if (computed && computed !== p.confidence && p.confidenceReason === null)
    ctx.addIssue({
      code: "custom",
      path: ["confidenceReason"],
      message: `the confidence differs from the one the rule computes from the evidence (${computed}): say why`,
    });
}

const ZCellVersionFields = ZCellContent.extend({
  issue: ZSlug,
  party: ZSlug,
  /** The slug of the event that occasioned this version. */
  event: ZSlug.nullish().transform((v) => v ?? null),
  /** The `asOf` of an earlier version of the same cell that this one retracts (that report was wrong). */
  retracts: ZDateText.nullish().transform((v) => v ?? null),
  /** When the version was entered (ISO 8601); default: when it is written. */
  recordedAt: z.iso
    .datetime()
    .nullish()
    .transform((v) => v ?? null),
});

/** One version of a cell as it is written: its address, its content, and what occasioned it. */
export const ZCellVersionInput = ZCellVersionFields.superRefine(checkContent);
export type TCellVersionInput = z.output<typeof ZCellVersionInput>;

/** A source in the public JSON. */
export const ZSourceJson = ZSource.strict();

/** A reading in the public JSON: every reading of a version, the preferred one (its own content) first. */
export const ZReadingJson = ZReading.extend({
  rank: z.enum(RANKS),
  /** Why it has its rank (null: the preferred reading of a version with no competing one). */
  reason: z.string().nullable(),
  sources: z.array(ZSourceJson),
}).strict();

/** A position in the public JSON (`positions[]` of the matrix JSON). */
export const ZPositionJson = ZCellContent.omit({ preferredReason: true })
  .extend({
    issue: z.string(),
    party: z.string(),
    sources: z.array(ZSourceJson),
    /**
     * When the version has competing readings: every reading, the preferred one (the position's own
     * content) first. Empty when the position's own content is its only reading (it is not repeated).
     */
    readings: z.array(ZReadingJson).refine((r) => r.length !== 1, "a version with competing readings lists at least two"),
    /** Whether the readings that stand (all but the deprecated) differ in step or status. */
    contested: z.boolean(),
    /** Their lowest and highest score (null: none has a score). */
    range: z.strictObject({ min: z.number().int(), max: z.number().int() }).nullable(),
    /** The evidence the confidence rule reads, and the confidence it computes (null: not assessed). */
    evidence: z
      .strictObject({
        originals: z.number().int().min(0),
        outlets: z.array(z.string()),
        agreement: z.enum(AGREEMENTS),
        computed: ZConfidence,
      })
      .nullable(),
    /** Only with a search (`q`): whether the cell's own texts contain it. */
    match: z.boolean().optional(),
  })
  .strict();
export type TPositionJson = z.output<typeof ZPositionJson>;

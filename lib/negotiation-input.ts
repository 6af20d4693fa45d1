import { z } from "zod";
import { isSafeHttpUrl, UNKNOWN_STATUSES, ZConfidence, ZPartyKind, ZScore, ZStatus } from "./domain";

const ZSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug is lowercase words joined by hyphens");
const ZIsoDate = z.iso.date();
/** A publication date as precise as known: a year, a month or a day. */
const ZPartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date is YYYY, YYYY-MM or YYYY-MM-DD");
/** A date, an approximate date ("c. 2025-11-21") or a range of them ("2025-06-02 / 2025-12-19"). */
const ZDateText = z.string().regex(/^(c\. )?\d{4}-\d{2}-\d{2}( (\/|to) (c\. )?\d{4}-\d{2}-\d{2})?$/);
const ZText = z.string().trim().min(1);

export const ZSourceInput = z.object({
  title: ZText,
  publisher: ZText,
  url: z.string().refine(isSafeHttpUrl, "a source URL must be http(s)").nullable(),
  publishedAt: ZPartialDate.nullable(),
  isDateApproximate: z.boolean().default(false),
  note: z.string().nullish().transform((v) => v ?? null),
});

export const ZPositionInput = z
  .object({
    issue: ZSlug,
    party: ZSlug,
    summary: ZText,
    score: ZScore,
    status: ZStatus,
    confidence: ZConfidence,
    asOf: ZDateText.nullish().transform((v) => v ?? null),
    quote: z.string().nullish().transform((v) => v ?? null),
    notes: z.string().nullish().transform((v) => v ?? null),
    sources: z.array(ZSourceInput),
  })
  .refine((p) => p.sources.length > 0 || UNKNOWN_STATUSES.includes(p.status), {
    message: "a position needs at least one source unless its content is unknown",
    path: ["sources"],
  })
  .refine((p) => !(UNKNOWN_STATUSES.includes(p.status) && p.score !== null), {
    message: "an undisclosed or no-position cell has a null score, never a number",
    path: ["score"],
  })
  .refine((p) => p.score === null || p.sources.some((s) => isSafeHttpUrl(s.url)), {
    message: "a scored position needs at least one source with an http(s) URL",
    path: ["sources"],
  });

/** A whole negotiation to write: every issue × party cell must be present exactly once. */
export const ZNegotiationInput = z
  .object({
    slug: ZSlug,
    title: ZText,
    summary: ZText,
    asOf: ZIsoDate,
    scaleNote: ZText,
    issues: z
      .array(z.object({ slug: ZSlug, name: ZText, description: ZText, isCore: z.boolean(), lowLabel: ZText, highLabel: ZText }))
      .min(1),
    parties: z
      .array(z.object({ slug: ZSlug, name: ZText, kind: ZPartyKind, date: ZDateText, description: ZText }))
      .min(1),
    positions: z.array(ZPositionInput),
  })
  .superRefine((n, ctx) => {
    for (const [what, slugs] of [["issue", n.issues.map((i) => i.slug)], ["party", n.parties.map((p) => p.slug)]] as const) {
      const duplicate = slugs.find((slug, index) => slugs.indexOf(slug) !== index);
      if (duplicate) ctx.addIssue({ code: "custom", message: `duplicate ${what} slug "${duplicate}"` });
    }
    const cells = new Map(n.positions.map((p) => [`${p.issue}|${p.party}`, 0]));
    for (const p of n.positions) cells.set(`${p.issue}|${p.party}`, (cells.get(`${p.issue}|${p.party}`) ?? 0) + 1);
    for (const issue of n.issues) {
      for (const party of n.parties) {
        const count = cells.get(`${issue.slug}|${party.slug}`) ?? 0;
        if (count !== 1) ctx.addIssue({ code: "custom", message: `cell ${issue.slug} × ${party.slug} appears ${count} times, expected once` });
        cells.delete(`${issue.slug}|${party.slug}`);
      }
    }
    for (const key of cells.keys()) ctx.addIssue({ code: "custom", message: `position ${key} names an unknown issue or party` });
  });

export type TNegotiationInput = z.infer<typeof ZNegotiationInput>;
export type TNegotiationInputRaw = z.input<typeof ZNegotiationInput>;

import "server-only";
import { z } from "zod";
import { CONFIDENCES, isSafeHttpUrl, PARTY_KINDS, SOURCE_KINDS, STATUSES, UNKNOWN_STATUSES } from "./domain";

export const ZStatus = z.enum(STATUSES);
export const ZConfidence = z.enum(CONFIDENCES);
export const ZPartyKind = z.enum(PARTY_KINDS);
/** A score on the -2..+2 scale, or null when none can honestly be given. */
export const ZScore = z
  .number()
  .int("a score is a whole number")
  .min(-2, "a score is from −2 to +2")
  .max(2, "a score is from −2 to +2")
  .nullable();

// Every text field has a limit, so that no request has unbounded work to do with what it reads.
// The same schema serves the import, the seed and (later) the editor.
const atMost = (max: number) => `at most ${max.toLocaleString("en")} characters`;
const ZSlug = z
  .string()
  .max(60, atMost(60))
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug is lowercase words joined by hyphens");
const ZIsoDate = z.iso.date();
/** A publication date as precise as known: a year, a month or a day. */
const ZPartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date is YYYY, YYYY-MM or YYYY-MM-DD");
/** A date, an approximate date ("c. 2025-11-21") or a range of them ("2025-06-02 / 2025-12-19"). */
const ZDateText = z.string().regex(/^(c\. )?\d{4}-\d{2}-\d{2}( (\/|to) (c\. )?\d{4}-\d{2}-\d{2})?$/);
/** Required text of at most `max` characters. */
const ZText = (max: number) => z.string().trim().min(1, "required").max(max, atMost(max));
/** Optional text of at most `max` characters; absent is null. */
const ZOptionalText = (max: number) =>
  z
    .string()
    .max(max, atMost(max))
    .nullish()
    .transform((v) => v ?? null);

/** Field limits, in characters. */
export const TEXT_LIMITS = {
  name: 200,
  label: 200,
  positionLabel: 60,
  sourceTitle: 500,
  description: 2000,
  summary: 2000,
  quote: 2000,
  notes: 4000,
  url: 2000,
} as const;
const L = TEXT_LIMITS;

export const ZSourceInput = z.object({
  title: ZText(L.sourceTitle),
  publisher: ZText(L.name),
  url: z
    .string()
    .max(L.url, atMost(L.url))
    .refine(isSafeHttpUrl, "a source URL must be an absolute http(s) address without spaces")
    .nullable(),
  publishedAt: ZPartialDate.nullable(),
  isDateApproximate: z.boolean().default(false),
  note: ZOptionalText(L.description),
  kind: z
    .enum(SOURCE_KINDS)
    .nullish()
    .transform((v) => v ?? null),
  relays: ZOptionalText(L.name),
  flags: z
    .array(z.string().regex(/^[a-z_]{1,40}$/, "a flag is a word in lowercase and underscores"))
    .max(10)
    .default([]),
});

export const ZPositionInput = z
  .object({
    issue: ZSlug,
    party: ZSlug,
    label: ZText(L.positionLabel),
    summary: ZText(L.summary),
    score: ZScore,
    status: ZStatus,
    confidence: ZConfidence,
    asOf: ZDateText.nullish().transform((v) => v ?? null),
    quote: ZOptionalText(L.quote),
    notes: ZOptionalText(L.notes),
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
    title: ZText(L.name),
    summary: ZText(L.description),
    asOf: ZIsoDate,
    scaleNote: ZText(L.description),
    lowPoleParty: ZSlug.nullish().transform((v) => v ?? null),
    highPoleParty: ZSlug.nullish().transform((v) => v ?? null),
    issues: z
      .array(
        z.object({
          slug: ZSlug,
          name: ZText(L.name),
          description: ZText(L.description),
          isCore: z.boolean(),
          lowLabel: ZText(L.label),
          highLabel: ZText(L.label),
        }),
      )
      .min(1),
    parties: z
      .array(z.object({ slug: ZSlug, name: ZText(L.name), kind: ZPartyKind, date: ZDateText, description: ZText(L.description) }))
      .min(1),
    positions: z.array(ZPositionInput),
    events: z
      .array(z.object({ date: ZPartialDate, title: ZText(L.name), summary: ZText(L.description), sources: z.array(ZSourceInput).min(1) }))
      .max(10_000)
      .default([]),
  })
  .superRefine((n, ctx) => {
    for (const [what, slugs] of [
      ["issue", n.issues.map((i) => i.slug)],
      ["party", n.parties.map((p) => p.slug)],
    ] as const) {
      const seen = new Set<string>();
      const duplicate = slugs.find((slug) => seen.size === seen.add(slug).size);
      if (duplicate) ctx.addIssue({ code: "custom", message: `duplicate ${what} slug "${duplicate}"` });
    }
    for (const key of ["lowPoleParty", "highPoleParty"] as const) {
      const slug = n[key];
      if (slug !== null && !n.parties.some((p) => p.slug === slug))
        ctx.addIssue({ code: "custom", path: [key], message: `"${slug}" is not one of the dossier's parties` });
    }
    if (n.lowPoleParty !== null && n.lowPoleParty === n.highPoleParty)
      ctx.addIssue({ code: "custom", path: ["highPoleParty"], message: "the two poles must be different parties" });
    const cells = new Map<string, number>();
    for (const p of n.positions) cells.set(`${p.issue}|${p.party}`, (cells.get(`${p.issue}|${p.party}`) ?? 0) + 1);
    for (const issue of n.issues) {
      for (const party of n.parties) {
        const count = cells.get(`${issue.slug}|${party.slug}`) ?? 0;
        if (count !== 1)
          ctx.addIssue({ code: "custom", message: `cell ${issue.slug} × ${party.slug} appears ${count} times, expected once` });
        cells.delete(`${issue.slug}|${party.slug}`);
      }
    }
    for (const key of cells.keys())
      ctx.addIssue({ code: "custom", message: `position ${key.replace("|", " × ")} names an unknown issue or party` });
  });

export type TNegotiationInput = z.infer<typeof ZNegotiationInput>;
export type TNegotiationInputRaw = z.input<typeof ZNegotiationInput>;

export type TValidationProblem = { path: string; message: string };

/** A dossier that failed validation, with every problem found (path and message). */
export class NegotiationValidationError extends Error {
  constructor(readonly problems: TValidationProblem[]) {
    super(
      `The dossier is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`,
    );
  }
}

/** `positions[3].sources[0].url`, with the cell named when the path starts at a position: `positions[3] (nato × russia)`. */
function describePath(path: readonly PropertyKey[], raw: unknown): string {
  if (path.length === 0) return "(dossier)";
  let text = path.map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`)).join("");
  const [first, index] = path;
  const positions = (raw as { positions?: unknown })?.positions;
  if (first === "positions" && typeof index === "number" && Array.isArray(positions)) {
    const cell = positions[index] as { issue?: unknown; party?: unknown } | undefined;
    if (typeof cell?.issue === "string" && typeof cell?.party === "string")
      text = text.replace(`positions[${index}]`, `positions[${index}] (${cell.issue} × ${cell.party})`);
  }
  return text;
}

/** Validates a whole dossier; throws `NegotiationValidationError` listing every problem. */
export function parseNegotiationInput(raw: unknown): TNegotiationInput {
  const parsed = ZNegotiationInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new NegotiationValidationError(
    parsed.error.issues.map((issue) => ({ path: describePath(issue.path, raw), message: issue.message })),
  );
}

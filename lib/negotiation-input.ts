import "server-only";
import { z } from "zod";
import { CONFIDENCES, isSafeHttpUrl, parseValidity, PARTY_KINDS, SOURCE_KINDS, STATUSES, UNKNOWN_STATUSES } from "./domain";

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
/** A date as precise as known: a year, a month or a day. */
const ZPartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date is YYYY, YYYY-MM or YYYY-MM-DD");
/** A publication date as precise as known, or a range of days kept whole ("2025-11-20/2025-11-21"). */
const ZPublishedDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}-\d{2}-\d{2})?$/, "a date is YYYY, YYYY-MM, YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD")
  .refine((d) => !d.includes("/") || d.split("/")[0]! <= d.split("/")[1]!, "a date range ends on or after its start");
/** A day or month, approximate or not ("c. 2025-11-21"), or a range of them ("2025-06-02 / 2025-12-19", "2025-06-02/2025-12-19"). */
const ZDateText = z
  .string()
  .regex(
    /^(c\. )?\d{4}-\d{2}(-\d{2})?( ?(\/|to) ?(c\. )?\d{4}-\d{2}(-\d{2})?)?$/,
    "a date is YYYY-MM-DD or YYYY-MM, optionally marked “c. ”, or a range of two joined by “/” or “ to ”",
  )
  .refine((d) => {
    const { validFrom, validTo } = parseValidity(d);
    return validTo === null || validTo >= validFrom;
  }, "a date range ends on or after its start");
/** Required text of at most `max` characters. */
export const ZText = (max: number) => z.string().trim().min(1, "required").max(max, atMost(max));
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
  publishedAt: ZPublishedDate.nullable(),
  isDateApproximate: z.boolean().default(false),
  note: ZOptionalText(L.description),
  kind: z
    .enum(SOURCE_KINDS)
    .nullish()
    .transform((v) => v ?? null),
  relays: ZOptionalText(L.name),
  kindNote: ZOptionalText(L.description),
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
    /** When this version of the position was taken or became known; null: from the party's date. */
    asOf: ZDateText.nullish().transform((v) => v ?? null),
    quote: ZOptionalText(L.quote),
    notes: ZOptionalText(L.notes),
    sources: z.array(ZSourceInput),
    /** The slug of the event that occasioned this version. */
    event: ZSlug.nullish().transform((v) => v ?? null),
    /** The `asOf` of an earlier version of the same cell that this one retracts (that report was wrong). */
    retracts: ZDateText.nullish().transform((v) => v ?? null),
    /** When the version was entered (ISO 8601); default: when it is imported. */
    recordedAt: z.iso
      .datetime()
      .nullish()
      .transform((v) => v ?? null),
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
  })
  .refine((p) => p.retracts === null || p.score === null, {
    message: "a retraction withdraws an earlier version and has no score of its own",
    path: ["score"],
  });

/** An issue (a row): its slug, name, description, whether it is core, and what −2 and +2 mean on it. */
export const ZIssueInput = z.object({
  slug: ZSlug,
  name: ZText(L.name),
  description: ZText(L.description),
  isCore: z.boolean(),
  lowLabel: ZText(L.label),
  highLabel: ZText(L.label),
});

/** A party (a column): an actor or a document, with its date. */
export const ZPartyInput = z.object({
  slug: ZSlug,
  name: ZText(L.name),
  kind: ZPartyKind,
  date: ZDateText,
  description: ZText(L.description),
});

export const ZDatedEntry = z.object({
  date: ZPartialDate,
  title: ZText(L.name),
  summary: ZText(L.description),
  sources: z.array(ZSourceInput).min(1),
});

/** A dated event, with an optional slug that versions name as their occasion. */
export const ZEventInput = ZDatedEntry.extend({ slug: ZSlug.nullish().transform((v) => v ?? null) });

/** A negotiation's own fields, for a new one with an empty matrix. */
export const ZNewNegotiation = z.object({
  slug: ZSlug,
  title: ZText(L.name),
  summary: ZText(L.description),
  scaleNote: ZText(L.description),
});

/** A whole negotiation to write: every issue × party cell must be present exactly once. */
export const ZNegotiationInput = z
  .object({
    slug: ZSlug,
    title: ZText(L.name),
    summary: ZText(L.description),
    scaleNote: ZText(L.description),
    lowPoleParty: ZSlug.nullish().transform((v) => v ?? null),
    highPoleParty: ZSlug.nullish().transform((v) => v ?? null),
    issues: z.array(ZIssueInput).min(1),
    parties: z.array(ZPartyInput).min(1),
    positions: z.array(ZPositionInput),
    events: z.array(ZEventInput).max(10_000).default([]),
    /** Dated facts of the context (territory held, battlefield claims), with how far each is verified. */
    facts: z
      .array(ZDatedEntry.extend({ verification: ZText(L.description) }))
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
    const eventSlugs = new Set(n.events.flatMap((e) => (e.slug === null ? [] : [e.slug])));
    if (eventSlugs.size !== n.events.filter((e) => e.slug !== null).length)
      ctx.addIssue({ code: "custom", path: ["events"], message: "two events share a slug" });
    // A cell is a sequence of versions: every issue × party cell needs at least one, and one that is not retracted.
    const cells = new Map<string, TPositionInput[]>();
    for (const p of n.positions) cells.set(`${p.issue}|${p.party}`, [...(cells.get(`${p.issue}|${p.party}`) ?? []), p]);
    for (const [index, p] of n.positions.entries()) {
      if (p.event !== null && !eventSlugs.has(p.event))
        ctx.addIssue({ code: "custom", path: ["positions", index, "event"], message: `no event has the slug "${p.event}"` });
      if (p.retracts !== null && !cells.get(`${p.issue}|${p.party}`)!.some((q) => q !== p && q.retracts === null && q.asOf === p.retracts))
        ctx.addIssue({
          code: "custom",
          path: ["positions", index, "retracts"],
          message: `no other version of this cell is dated "${p.retracts}"`,
        });
    }
    for (const issue of n.issues) {
      for (const party of n.parties) {
        const versions = cells.get(`${issue.slug}|${party.slug}`) ?? [];
        if (versions.length === 0) ctx.addIssue({ code: "custom", message: `cell ${issue.slug} × ${party.slug} has no position` });
        else if (currentVersion(versions) === undefined)
          ctx.addIssue({ code: "custom", message: `cell ${issue.slug} × ${party.slug} has every version retracted` });
        cells.delete(`${issue.slug}|${party.slug}`);
      }
    }
    for (const key of cells.keys())
      ctx.addIssue({ code: "custom", message: `position ${key.replace("|", " × ")} names an unknown issue or party` });
  });

export type TNegotiationInput = z.infer<typeof ZNegotiationInput>;
export type TPositionInput = z.infer<typeof ZPositionInput>;

/** A cell's versions in time order: by the start of their validity, then in the order given (a later entry supersedes). */
export function inTimeOrder<T extends Pick<TPositionInput, "asOf">>(versions: readonly T[], fallbackDate: string): T[] {
  const start = (v: T) => parseValidity(v.asOf ?? fallbackDate).validFrom;
  return versions
    .map((v, index) => ({ v, index }))
    .sort((a, b) => start(a.v).localeCompare(start(b.v)) || a.index - b.index)
    .map(({ v }) => v);
}

/** A cell's current version: its latest version that neither retracts nor is retracted. */
export function currentVersion<T extends Pick<TPositionInput, "asOf" | "retracts">>(
  versions: readonly T[],
  fallbackDate = "",
): T | undefined {
  const retracted = new Set(versions.flatMap((v) => (v.retracts === null ? [] : [v.retracts])));
  return inTimeOrder(versions, fallbackDate).findLast((v) => v.retracts === null && !retracted.has(v.asOf ?? fallbackDate));
}
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

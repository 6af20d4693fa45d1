import "server-only";
import { z } from "zod";
import { AppError, type TProblem } from "../domain/errors";
import { currentVersion } from "../cells/current";
import { TEXT_LIMITS as L, ZDateText, ZPartialDate, ZPartyKind, ZSlug, ZText } from "../cells/fields";
import { ZCellVersionInput, ZSource, type TCellVersionInput } from "../cells/schema";
import { ZRedLineInput } from "../redlines/schema";
import { checkLineage, ZDraftInput, ZLinkInput } from "../lineage/schema";

// A whole dossier as a file holds it: the negotiation's own fields, its issues and parties, every
// version of every cell (the cell's own schema, lib/cells/schema.ts), its dated events and facts.
// The import, the seed and imports with a preview validate with it.

/**
 * The five steps of an issue's scale, −2 to +2 in order, each naming the option it stands for (null:
 * none written down, never invented); `interpolated` marks a step with no documented option. The ends
 * must be the issue's low and high labels.
 */
export const ZSteps = z
  .array(
    z.object({
      score: z.number().int(),
      label: ZText(L.label).nullable(),
      interpolated: z.boolean().default(false),
    }),
  )
  .length(5, "an issue's scale has five steps, −2 to +2")
  .refine((steps) => steps.every((s, index) => s.score === index - 2), "the steps are −2, −1, 0, +1 and +2, in order");

/** An issue's fields (the structure editor changes them without the slug). */
export const ZIssueFields = z.object({
  slug: ZSlug,
  name: ZText(L.name),
  description: ZText(L.description),
  isCore: z.boolean(),
  lowLabel: ZText(L.label),
  highLabel: ZText(L.label),
  steps: ZSteps.optional(),
});

/** The ends of an issue's steps are its low and high labels. */
export function checkStepEnds(issue: { lowLabel: string; highLabel: string; steps?: { label: string | null }[] }, ctx: z.RefinementCtx) {
  if (issue.steps && (issue.steps[0]!.label !== issue.lowLabel || issue.steps[4]!.label !== issue.highLabel))
    ctx.addIssue({ code: "custom", path: ["steps"], message: "the −2 and +2 steps are the issue's lowLabel and highLabel" });
}

export const ZIssueInput = ZIssueFields.superRefine(checkStepEnds);

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
  sources: z.array(ZSource).min(1),
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
    /** The negotiation's own words for the ends of its scale ("Ukraine's stated position", "no text"), for sentences and legends. */
    lowEnd: ZText(L.label).default(""),
    highEnd: ZText(L.label).default(""),
    lowPoleParty: ZSlug.nullish().transform((v) => v ?? null),
    highPoleParty: ZSlug.nullish().transform((v) => v ?? null),
    issues: z.array(ZIssueInput).min(1),
    parties: z.array(ZPartyInput).min(1),
    positions: z.array(ZCellVersionInput),
    events: z.array(ZEventInput).max(10_000).default([]),
    /** Dated facts of the context (territory held, battlefield claims), with how far each is verified. */
    facts: z
      .array(ZDatedEntry.extend({ verification: ZText(L.description) }))
      .max(10_000)
      .default([]),
    /** Red lines: every version of each party's acceptable span per issue (none where nothing is sourced). */
    redLines: z.array(ZRedLineInput).max(100_000).default([]),
    /** Draft texts whose points are traced (a matrix column or not), with their points. */
    drafts: z.array(ZDraftInput).max(50).default([]),
    /** What became of each point in a later draft. */
    links: z.array(ZLinkInput).max(10_000).default([]),
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
    const cells = new Map<string, TCellVersionInput[]>();
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
    const issueSlugs = new Set(n.issues.map((i) => i.slug));
    const partySlugs = new Set(n.parties.map((p) => p.slug));
    const lineStarts = new Set<string>();
    for (const [index, line] of n.redLines.entries()) {
      if (!issueSlugs.has(line.issue) || !partySlugs.has(line.party))
        ctx.addIssue({
          code: "custom",
          path: ["redLines", index],
          message: `red line ${line.issue} × ${line.party} names an unknown issue or party`,
        });
      const key = `${line.issue}|${line.party}|${line.validFrom}`;
      if (lineStarts.size === lineStarts.add(key).size)
        ctx.addIssue({
          code: "custom",
          path: ["redLines", index, "validFrom"],
          message: "two versions of this red line start on the same day",
        });
    }
    checkLineage(n, ctx);
  });

export type TNegotiationInput = z.infer<typeof ZNegotiationInput>;

export type TNegotiationInputRaw = z.input<typeof ZNegotiationInput>;

/** A dossier that failed validation (`invalid`), with every problem found (path and message). */
export function dossierInvalid(problems: TProblem[]): AppError {
  return new AppError(
    "invalid",
    `The dossier is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`,
    problems,
  );
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

/** Validates a whole dossier; throws an `invalid` AppError listing every problem. */
export function parseNegotiationInput(raw: unknown): TNegotiationInput {
  const parsed = ZNegotiationInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw dossierInvalid(parsed.error.issues.map((issue) => ({ path: describePath(issue.path, raw), message: issue.message })));
}

import "server-only";
import { z } from "zod";
import { CONFIDENCES, PARTY_KINDS, SOURCE_KINDS, STATUSES } from "./domain";
import type { TDivergence } from "./divergence";
import type { TMatrix, TMatrixRow } from "./matrix";

// The public JSON formats, as named schemas. Responses are built field by field from these shapes
// (never by spreading internal objects), and the route tests parse responses with them.

const ZNullableText = z.string().nullable();

export const ZNegotiationJson = z.strictObject({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  asOf: z.string(),
  scaleNote: z.string(),
});

export const ZSourceJson = z.strictObject({
  title: z.string(),
  publisher: z.string(),
  url: ZNullableText,
  publishedAt: ZNullableText,
  isDateApproximate: z.boolean(),
  note: ZNullableText,
  kind: z.enum(SOURCE_KINDS).nullable(),
  relays: ZNullableText,
  flags: z.array(z.string()),
});

export const ZPositionJson = z.strictObject({
  issue: z.string(),
  party: z.string(),
  label: z.string(),
  summary: z.string(),
  score: z.number().int().min(-2).max(2).nullable(),
  status: z.enum(STATUSES),
  confidence: z.enum(CONFIDENCES),
  asOf: ZNullableText,
  quote: ZNullableText,
  notes: ZNullableText,
  sources: z.array(ZSourceJson),
});

export const ZIssueJson = z.strictObject({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  sortOrder: z.number().int(),
  isCore: z.boolean(),
  lowLabel: z.string(),
  highLabel: z.string(),
  scored: z.number().int().min(0),
  spread: z.number().nullable(),
  stdev: z.number().nullable(),
});

export const ZPartyJson = z.strictObject({
  slug: z.string(),
  name: z.string(),
  kind: z.enum(PARTY_KINDS),
  date: z.string(),
  description: z.string(),
  sortOrder: z.number().int(),
});

/** `GET /api/negotiations/{slug}/matrix`: every row and cell the view selects, in screen order. */
export const ZMatrixJson = z.strictObject({
  negotiation: ZNegotiationJson,
  notices: z.array(z.string()),
  parties: z.array(ZPartyJson),
  positions: z.array(ZPositionJson),
  issues: z.array(ZIssueJson),
});
export type TMatrixJson = z.infer<typeof ZMatrixJson>;

/** `GET /api/negotiations/{slug}/divergence`. */
export const ZDivergenceJson = z.strictObject({
  issues: z.array(
    z.strictObject({ issue: z.string(), scored: z.number().int().min(0), spread: z.number().nullable(), stdev: z.number().nullable() }),
  ),
  pairs: z.array(
    z.strictObject({
      a: z.string(),
      b: z.string(),
      distance: z.number().min(0).max(1).nullable(),
      agreement: z.number().min(0).max(1).nullable(),
      sharedIssues: z.number().int().min(0),
    }),
  ),
  /** The parties defining the scale's ends, and which of them the issues' metrics leave out. */
  anchors: z.strictObject({ low: z.string().nullable(), high: z.string().nullable(), leftOut: z.array(z.string()) }),
  notices: z.array(z.string()),
});
export type TDivergenceJson = z.infer<typeof ZDivergenceJson>;

/** The JSON of one issue row, with its divergence over the shown parties. */
export function toIssueJson({ issue, divergence }: TMatrixRow): z.infer<typeof ZIssueJson> {
  const { slug, name, description, sortOrder, isCore, lowLabel, highLabel } = issue;
  return {
    slug,
    name,
    description,
    sortOrder,
    isCore,
    lowLabel,
    highLabel,
    scored: divergence.scored,
    spread: divergence.spread,
    stdev: divergence.stdev,
  };
}

/** The head of the matrix JSON: the negotiation, the notices and the shown parties. */
export function toMatrixJsonHead(matrix: Pick<TMatrix, "negotiation" | "parties">, notices: readonly string[]) {
  const { slug, title, summary, asOf, scaleNote } = matrix.negotiation;
  return {
    negotiation: { slug, title, summary, asOf, scaleNote },
    notices: [...notices],
    parties: matrix.parties.map(({ slug, name, kind, date, description, sortOrder }) => ({
      slug,
      name,
      kind,
      date,
      description,
      sortOrder,
    })),
  };
}

/** The divergence JSON: metrics with slugs, and the URL's notices. */
export function toDivergenceJson(
  divergence: TDivergence,
  anchors: { low: { slug: string } | null; high: { slug: string } | null; leftOut: { slug: string }[] },
  notices: readonly string[],
): TDivergenceJson {
  return {
    issues: divergence.issues.map(({ issue, scored, spread, stdev }) => ({ issue, scored, spread, stdev })),
    pairs: divergence.pairs.map(({ a, b, distance, agreement, sharedIssues }) => ({ a, b, distance, agreement, sharedIssues })),
    anchors: { low: anchors.low?.slug ?? null, high: anchors.high?.slug ?? null, leftOut: anchors.leftOut.map((a) => a.slug) },
    notices: [...notices],
  };
}

/** `GET /api/negotiations/{slug}/movement`: how the shown documents moved, oldest first (see `lib/analytics.ts`). */
export const ZMovementJson = z.strictObject({
  documents: z.array(z.string()),
  steps: z.array(
    z.strictObject({
      from: z.string(),
      to: z.string(),
      issue: z.string(),
      fromScore: z.number().int().nullable(),
      toScore: z.number().int().nullable(),
      change: z.number().int().nullable(),
      toward: z.enum(["low", "high", "none"]).nullable(),
    }),
  ),
  summary: z.array(
    z.strictObject({
      from: z.string(),
      to: z.string(),
      towardLow: z.number().int(),
      towardHigh: z.number().int(),
      unchanged: z.number().int(),
      unknown: z.number().int(),
    }),
  ),
  notices: z.array(z.string()),
});
export type TMovementJson = z.infer<typeof ZMovementJson>;

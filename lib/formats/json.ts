import "server-only";
import { z } from "zod";
import { computedConfidence, outletsOf, type TEvidence } from "../cells/confidence";
import type { TDivergence } from "../analysis/divergence";
import type { TMatrix, TMatrixRow } from "../analysis/matrix";
import type { TCell, TSource } from "../cells/cell";
import { CELL_CONTENT_KEYS, SOURCE_KEYS, ZPositionJson, ZSourceJson, type TPositionJson } from "../cells/schema";
import { readingsOf } from "../cells/readings";
import { pick } from "../domain/pick";
import { CONFIDENCES, PARTY_KINDS, STATUSES } from "../domain/words";
import { href } from "../params/urls";
import { READINGS_MODES, toMatrixSearchParams, toQueryString, type TMatrixParams } from "../params/matrix-params";
import { FIGURE_METRICS } from "../analysis/ranges";

// The public JSON formats, as named schemas. Responses are built field by field from these shapes
// (never by spreading internal objects), and the route tests parse responses with them.

const ZNullableText = z.string().nullable();

export const ZNegotiationJson = z.strictObject({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  asOf: z.string(),
  scaleNote: z.string(),
  /** The negotiation's own words for the ends of its scale (empty: none given). */
  lowEnd: z.string(),
  highEnd: z.string(),
});

export { ZPositionJson, ZSourceJson };

/** A source as its JSON says it, field by field in the cell schema's order. */
export function toSourceJson(source: TSource): TSource {
  return pick(source, SOURCE_KEYS);
}

/** The evidence as the JSON says it: how many independent originals and which, the agreement, and the confidence the rule computes. */
export function toEvidenceJson(evidence: TEvidence | null): TPositionJson["evidence"] {
  if (!evidence) return null;
  const outlets = outletsOf(evidence);
  return { originals: outlets.length, outlets, agreement: evidence.agreement, computed: computedConfidence(evidence)! };
}

/** A position as its JSON says it: its address, its content in the cell schema's order, its sources, and, with a search, whether it matches. */
export function toPositionJson(cell: TCell): TPositionJson {
  return {
    issue: cell.issue,
    party: cell.party,
    ...pick(cell, CELL_CONTENT_KEYS),
    evidence: toEvidenceJson(cell.evidence),
    sources: cell.sources.map(toSourceJson),
    readings: (cell.readings.length === 0 ? [] : readingsOf(cell)).map(({ score, status, summary, quote, sources, rank, reason }) => ({
      score,
      status,
      summary,
      quote,
      sources: sources.map(toSourceJson),
      rank,
      reason,
    })),
    contested: cell.contested,
    range: cell.range,
    ...(cell.match === undefined ? {} : { match: cell.match }),
  };
}

export const ZIssueJson = z.strictObject({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  sortOrder: z.number().int(),
  isCore: z.boolean(),
  lowLabel: z.string(),
  highLabel: z.string(),
  /** Every step of the issue's scale, −2 to +2: the option it stands for (null: none written down), and whether it is interpolated. */
  steps: z.array(z.strictObject({ score: z.number().int(), label: z.string().nullable(), interpolated: z.boolean() })).length(5),
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

/**
 * Where a JSON response comes from, on every one: the negotiation, the data's version (it changes
 * with any new version), the day shown (null: the latest data, current to `dataAsOf`), the active
 * filters, the permalink of the view in the browser, and when the response was generated.
 */
export const ZMetaJson = z.strictObject({
  negotiation: z.string(),
  dataVersion: z.string(),
  asOf: z.string().nullable(),
  dataAsOf: z.string(),
  filters: z.record(z.string(), z.string()),
  permalink: z.string(),
  generatedAt: z.iso.datetime(),
});
export type TMetaJson = z.infer<typeof ZMetaJson>;

/** The `meta` of a JSON response for a view: `view` is the page the permalink opens. */
export function toMetaJson(
  /** The site's public origin (lib/params/origin.ts), which the permalink is built on. */
  origin: string,
  negotiation: { slug: string; asOf: string; dataVersion: string },
  params: TMatrixParams,
  view: "matrix" | "charts" | "changes" | "zones" | "package" | "drafts",
  extra: Record<string, string> = {},
): TMetaJson {
  const search = toMatrixSearchParams({ ...params, page: 1, density: "compact" });
  for (const [key, value] of Object.entries(extra)) search.set(key, value);
  const filters = Object.fromEntries(search);
  return {
    negotiation: negotiation.slug,
    dataVersion: negotiation.dataVersion,
    asOf: params.asOf,
    dataAsOf: negotiation.asOf,
    filters,
    permalink: `${origin}${href(view, { slug: negotiation.slug }, toQueryString(search))}`,
    generatedAt: new Date().toISOString(),
  };
}

/** `GET /api/negotiations/{slug}/matrix`: every row and cell the view selects, in screen order. */
export const ZMatrixJson = z.strictObject({
  meta: ZMetaJson,
  negotiation: ZNegotiationJson,
  notices: z.array(z.string()),
  parties: z.array(ZPartyJson),
  positions: z.array(ZPositionJson),
  issues: z.array(ZIssueJson),
});
export type TMatrixJson = z.infer<typeof ZMatrixJson>;

/** `GET /api/negotiations/{slug}/divergence`. */
export const ZDivergenceJson = z.strictObject({
  meta: ZMetaJson,
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
  /**
   * Which reading the figures above use (each cell's preferred one), how many cells they use and how
   * many of those are contested; with `readings=range`, every figure that changes at either end of
   * the contested cells' ranges (null otherwise).
   */
  readings: z.strictObject({
    mode: z.enum(READINGS_MODES),
    cellsUsed: z.number().int().min(0),
    contested: z.number().int().min(0),
    changed: z
      .array(
        z.strictObject({ metric: z.enum(FIGURE_METRICS), subject: z.string(), preferred: z.string(), low: z.string(), high: z.string() }),
      )
      .nullable(),
  }),
  notices: z.array(z.string()),
});
export type TDivergenceJson = z.infer<typeof ZDivergenceJson>;

/** The JSON of one issue row, with its divergence over the shown parties. */
export function toIssueJson({ issue, divergence }: TMatrixRow): z.infer<typeof ZIssueJson> {
  const { slug, name, description, sortOrder, isCore, lowLabel, highLabel, steps } = issue;
  return {
    slug,
    name,
    description,
    sortOrder,
    isCore,
    lowLabel,
    highLabel,
    steps,
    scored: divergence.scored,
    spread: divergence.spread,
    stdev: divergence.stdev,
  };
}

/** The head of the matrix JSON: the meta, the negotiation, the notices and the shown parties. */
export function toMatrixJsonHead(matrix: Pick<TMatrix, "negotiation" | "parties">, notices: readonly string[], meta: TMetaJson) {
  const { slug, title, summary, asOf, scaleNote, lowEnd, highEnd } = matrix.negotiation;
  return {
    meta,
    negotiation: { slug, title, summary, asOf, scaleNote, lowEnd, highEnd },
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
  meta: TMetaJson,
  divergence: TDivergence,
  anchors: { low: { slug: string } | null; high: { slug: string } | null; leftOut: { slug: string }[] },
  readings: TDivergenceJson["readings"],
  notices: readonly string[],
): TDivergenceJson {
  return {
    meta,
    issues: divergence.issues.map(({ issue, scored, spread, stdev }) => ({ issue, scored, spread, stdev })),
    pairs: divergence.pairs.map(({ a, b, distance, agreement, sharedIssues }) => ({ a, b, distance, agreement, sharedIssues })),
    anchors: { low: anchors.low?.slug ?? null, high: anchors.high?.slug ?? null, leftOut: anchors.leftOut.map((a) => a.slug) },
    readings,
    notices: [...notices],
  };
}

const ZChangeStateJson = z.strictObject({
  score: z.number().int().min(-2).max(2).nullable(),
  status: z.enum(STATUSES),
  label: z.string(),
  asOf: z.string(),
});

/** `GET /api/negotiations/{slug}/changes`: the cells whose score, status or label changed between two days. */
export const ZChangesJson = z.strictObject({
  meta: ZMetaJson,
  from: z.iso.date(),
  to: z.iso.date(),
  total: z.number().int().min(0),
  changes: z.array(
    z.strictObject({
      issue: z.string(),
      party: z.string(),
      before: ZChangeStateJson.nullable(),
      after: ZChangeStateJson.extend({
        summary: z.string(),
        confidence: z.enum(CONFIDENCES),
        quote: ZNullableText,
        notes: ZNullableText,
        recordedAt: z.string(),
        event: z.strictObject({ slug: ZNullableText, date: z.string(), title: z.string() }).nullable(),
        sources: z.array(ZSourceJson),
      }),
      fields: z.array(z.enum(["score", "status", "label"])),
      change: z.string(),
    }),
  ),
  notices: z.array(z.string()),
});
export type TChangesJson = z.infer<typeof ZChangesJson>;

/** `GET /api/negotiations/{slug}/movement`: how the shown documents moved, oldest first (see `lib/analytics.ts`). */
export const ZMovementJson = z.strictObject({
  meta: ZMetaJson,
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

import { z } from "zod";
import { CLOSENESS_FORMULA } from "../analysis/package";
import { RED_LINE_BASES } from "../redlines/line";
import type { TPackageView, TZonesView } from "../read/deal-view";
import { writeCsv } from "./csv";
import { ZMetaJson, ZSourceJson, type TMetaJson } from "./json";

// The public formats of the zones of possible agreement and of a package: named schemas, and CSV
// beside each, all built from the one view (lib/read/deal-view.ts).

const ZSpan = z.strictObject({ min: z.number().int().min(-2).max(2), max: z.number().int().min(-2).max(2) });

/** `GET /api/negotiations/{slug}/zones`: per issue, each chosen party's red line, the overlap or the gap, and who has none. */
export const ZZonesJson = z.strictObject({
  meta: ZMetaJson,
  parties: z.array(z.string()),
  issues: z.array(
    z.strictObject({
      issue: z.string(),
      lines: z.array(
        z.strictObject({
          party: z.string(),
          min: z.number().int(),
          max: z.number().int(),
          basis: z.enum(RED_LINE_BASES),
          /** The day the span holds from; null: an earlier span whose start is not on file. */
          asOf: z.string().nullable(),
          quote: z.string().nullable(),
          sources: z.array(ZSourceJson),
        }),
      ),
      overlap: ZSpan.nullable(),
      gap: z.strictObject({ steps: z.number().int().min(1), low: z.string(), high: z.string() }).nullable(),
      unknown: z.array(z.string()),
    }),
  ),
  summary: z.string(),
  notices: z.array(z.string()),
});
export type TZonesJson = z.infer<typeof ZZonesJson>;

export function toZonesJson(meta: TMetaJson, view: TZonesView, summary: string): TZonesJson {
  return {
    meta,
    parties: view.parties.map((p) => p.slug),
    issues: view.zones.map((zone) => ({
      issue: zone.issue,
      lines: zone.lines.map((l) => ({
        party: l.party,
        min: l.min,
        max: l.max,
        basis: l.basis,
        asOf: l.validFrom,
        quote: l.quote,
        sources: l.sources,
      })),
      overlap: zone.overlap,
      gap: zone.gap,
      unknown: zone.unknown,
    })),
    summary,
    notices: view.notices,
  };
}

export const ZONES_COLUMNS = ["issue", "party", "min", "max", "basis", "as_of", "overlap_min", "overlap_max", "gap_steps"] as const;

/** One row per issue × chosen party: its span (empty: no red line on record), and the issue's overlap or gap. */
export function toZonesCsv(view: TZonesView): string {
  return writeCsv(
    ZONES_COLUMNS,
    view.zones.flatMap((zone) =>
      view.parties.map((p) => {
        const line = zone.lines.find((l) => l.party === p.slug);
        return [
          zone.issue,
          p.slug,
          line?.min ?? null,
          line?.max ?? null,
          line?.basis ?? null,
          line?.validFrom ?? null,
          zone.overlap?.min ?? null,
          zone.overlap?.max ?? null,
          zone.gap?.steps ?? null,
        ];
      }),
    ),
  );
}

/** `GET /api/negotiations/{slug}/package`: the package, each party's closeness with its breakdown and breaches, the swaps that help. */
export const ZPackageJson = z.strictObject({
  meta: ZMetaJson,
  formula: z.string(),
  package: z.array(z.strictObject({ issue: z.string(), score: z.number().int(), weight: z.number() })),
  parties: z.array(
    z.strictObject({
      party: z.string(),
      closeness: z.number().min(0).max(1).nullable(),
      breakdown: z.array(z.strictObject({ issue: z.string(), score: z.number().int(), contribution: z.number() })),
      breaches: z.array(z.strictObject({ issue: z.string(), min: z.number().int(), max: z.number().int(), basis: z.enum(RED_LINE_BASES) })),
    }),
  ),
  improvements: z.array(z.strictObject({ issue: z.string(), from: z.number().int(), to: z.number().int(), helps: z.array(z.string()) })),
  notices: z.array(z.string()),
});
export type TPackageJson = z.infer<typeof ZPackageJson>;

export function toPackageJson(meta: TMetaJson, view: TPackageView): TPackageJson {
  return {
    meta,
    formula: CLOSENESS_FORMULA,
    package: view.items.map((i) => ({ issue: i.issue, score: i.step, weight: i.weight })),
    parties: view.scores.map((s) => ({
      party: s.party,
      closeness: s.closeness,
      breakdown: s.breakdown,
      breaches: s.breaches.map(({ issue, min, max, basis }) => ({ issue, min, max, basis })),
    })),
    improvements: view.improvements,
    notices: view.notices,
  };
}

export const PACKAGE_COLUMNS = ["party", "closeness", "issues_known", "breaches"] as const;

/** One row per party: closeness (empty: no known score on the package's issues), how many issues it rests on, the red lines breached. */
export function toPackageCsv(view: TPackageView): string {
  return writeCsv(
    PACKAGE_COLUMNS,
    view.scores.map((s) => [
      s.party,
      s.closeness === null ? null : Number(s.closeness.toFixed(4)),
      s.breakdown.length,
      s.breaches.map((b) => b.issue).join(" "),
    ]),
  );
}

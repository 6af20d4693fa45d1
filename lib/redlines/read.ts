import "server-only";
import type { TSource } from "../cells/schema";
import { readCitedSources, type TSourceCache } from "../cells/sources";
import { inIds } from "../db/dialect";
import type { TDb } from "../db/connection";
import { toOneOf } from "../domain/words";
import { lineOn, RED_LINE_BASES, type TRedLineBasis } from "./line";

/** A red line as the views show it: the version that holds on the view's day, with its sources. */
export type TRedLine = {
  issueId: number;
  partyId: number;
  min: number;
  max: number;
  basis: TRedLineBasis;
  /** The day it holds from; null: an earlier span whose start is not on file. */
  validFrom: string | null;
  isApproximate: boolean;
  quote: string | null;
  notes: string | null;
  sources: TSource[];
};

/**
 * The red line of each issue × party on a day (null: the latest), by the one rule of `lineOn`, with
 * its sources; keyed `${issueId}|${partyId}`. Reads only the rows and columns asked for.
 */
export async function readLines(
  db: TDb,
  issueIds: readonly number[],
  partyIds: readonly number[],
  day: string | null,
  cache: TSourceCache = new Map(),
): Promise<Map<string, TRedLine>> {
  const lines = new Map<string, TRedLine>();
  if (issueIds.length === 0 || partyIds.length === 0) return lines;
  const rows = await db
    .selectFrom("RedLine as r")
    .selectAll("r")
    .where((eb) => inIds(eb.ref("r.issueId"), issueIds))
    .where((eb) => inIds(eb.ref("r.partyId"), partyIds))
    .$if(day !== null, (qb) => qb.where((eb) => eb.or([eb("r.validFrom", "is", null), eb("r.validFrom", "<=", day!)])))
    .orderBy("r.id")
    .execute();
  const versions = new Map<string, typeof rows>();
  for (const row of rows) versions.set(`${row.issueId}|${row.partyId}`, [...(versions.get(`${row.issueId}|${row.partyId}`) ?? []), row]);
  const held = [...versions].map(([key, list]) => [key, lineOn(list, day)!] as const);
  const cited = await readCitedSources(
    db,
    "RedLineSource",
    "redLineId",
    held.map(([, row]) => row.id),
    cache,
  );
  for (const [key, row] of held) {
    lines.set(key, {
      issueId: row.issueId,
      partyId: row.partyId,
      min: row.min,
      max: row.max,
      basis: toOneOf(RED_LINE_BASES, row.basis, "red-line basis"),
      validFrom: row.validFrom,
      isApproximate: Boolean(row.isApproximate),
      quote: row.quote,
      notes: row.notes,
      sources: cited.get(row.id) ?? [],
    });
  }
  return lines;
}

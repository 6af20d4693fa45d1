import "server-only";
import { sql, type Selectable } from "kysely";
import type { TDb } from "../db/connection";
import { contains, inIds } from "../db/dialect";
import type { PositionVersion } from "../generated/kysely/types";
import { toConfidence, toOneOf, toStatus } from "../domain/words";
import type { TCell, TCellContent, TReading, TSource } from "./cell";
import { readCitations, readCitedSources, readSources, type TSourceCache } from "./sources";
import { cellsOn } from "./current";
import { CELL_CONTENT_KEYS } from "./schema";
import { AGREEMENTS, type TEvidence } from "./confidence";
import { isContested, rangeOf, type TRange } from "./readings";

// Every read of cells goes through here: the grid a view shows, the scores its metrics use and a
// version's competing readings, each on a day (null: the latest data) by the one rule of
// ./current.ts (the sources they cite are read by ./sources.ts). Callers pass the transaction they read in (lib/db/transactions.ts).

/**
 * A version's content columns (aliased `v`), as one list derived from the cell's schema, its
 * evidence, and what says whether it has competing readings: every read selects them by it.
 */
export const VERSION_CONTENT = [
  ...CELL_CONTENT_KEYS.map((key) => `v.${key}` as const),
  "v.originals" as const,
  "v.agreement" as const,
  "v.preferredReason" as const,
  "v.readingCount" as const,
];

/** A version's stored evidence (a JSON array of originals and an agreement), or null when it was not assessed. */
export function toEvidence(originals: string | null, agreement: string | null): TEvidence | null {
  if (originals === null || agreement === null) return null;
  return { originals: JSON.parse(originals) as string[], agreement: toOneOf(AGREEMENTS, agreement, "agreement") };
}

/** A version's content as the app has it (its sources and competing readings aside), from a row with the content columns. */
export type TVersionContent = Omit<TCellContent, "sources" | "asOf" | "readings"> & { asOf: string };

/** The content of a row read with VERSION_CONTENT: its status and confidence as the app's words. */
export function toVersionContent(
  row: Pick<Selectable<PositionVersion>, (typeof CELL_CONTENT_KEYS)[number] | "originals" | "agreement" | "preferredReason">,
): TVersionContent {
  const { label, summary, score, status, confidence, asOf, quote, notes, confidenceReason, preferredReason } = row;
  return {
    label,
    summary,
    score,
    status: toStatus(status),
    confidence: toConfidence(confidence),
    asOf,
    quote,
    notes,
    confidenceReason,
    evidence: toEvidence(row.originals, row.agreement),
    preferredReason,
  };
}

/** A version's range as stored: its readings' when it has competing ones, else its own score (none: no range). */
export function storedRange(score: number | null, scoreMin: number | null, scoreMax: number | null): TRange | null {
  if (scoreMin !== null && scoreMax !== null) return { min: scoreMin, max: scoreMax };
  return score === null ? null : { min: score, max: score };
}

/** A competing reading as read: its sources carry their stored ids (for an editor's next version, and a bibliography). */
export type TStoredReading = Omit<TReading, "sources"> & { sources: (TSource & { id: number })[] };

/**
 * The competing readings of these versions (only those whose `readingCount` is not 0 need asking),
 * each list in its order, with their sources in citation order, each source read once into `cache`.
 */
export async function readReadings(db: TDb, versionIds: readonly number[], cache: TSourceCache): Promise<Map<number, TStoredReading[]>> {
  const byVersion = new Map<number, TStoredReading[]>();
  if (versionIds.length === 0) return byVersion;
  const rows = await db
    .selectFrom("PositionReading as r")
    .selectAll("r")
    .where((eb) => inIds(eb.ref("r.versionId"), versionIds))
    .orderBy("r.versionId")
    .orderBy("r.sortOrder")
    .execute();
  const cited = await readCitedSources(
    db,
    "PositionReadingSource",
    "readingId",
    rows.map((r) => r.id),
    cache,
    true,
  );
  for (const row of rows)
    byVersion.set(row.versionId, [
      ...(byVersion.get(row.versionId) ?? []),
      {
        score: row.score,
        status: toStatus(row.status),
        summary: row.summary,
        quote: row.quote,
        rank: toOneOf(["normal", "deprecated"] as const, row.rank, "rank"),
        reason: row.reason,
        sources: (cited.get(row.id) ?? []) as (TSource & { id: number })[],
      },
    ]);
  return byVersion;
}

/** The ids of the rows that have competing readings to read. */
export const withReadings = (rows: readonly { id: number; readingCount: number }[]): number[] =>
  rows.filter((r) => r.readingCount > 0).map((r) => r.id);

export type TGridRequest = {
  day: string | null;
  issues: readonly { id: number; slug: string }[];
  parties: readonly { id: number; slug: string }[];
  /** The folded search text: each cell then says whether its own texts contain it (`match`). */
  q?: string;
  cache?: TSourceCache;
};

/** A grid cell with the id of the version it shows. */
export type TGridCell = TCell & { versionId: number };

/**
 * The cells of these issues (rows) for these parties (columns) on a day, as a grid in the order
 * given; null where a cell has no version that day. Each source is read once into `cache`, and
 * cells citing it share the same object. A party may fill two columns (a party compared with
 * itself): both show the same cell.
 */
export async function readCellGrid(db: TDb, request: TGridRequest): Promise<(TGridCell | null)[][]> {
  const { day, issues, parties, q = "", cache = new Map() } = request;
  const grid: (TGridCell | null)[][] = issues.map(() => parties.map(() => null));
  if (issues.length === 0 || parties.length === 0) return grid;
  const rows = await db
    .selectFrom(cellsOn(db, day))
    .innerJoin("PositionVersion as v", "v.id", "c.versionId")
    .select(["c.issueId", "c.partyId", "v.id", ...VERSION_CONTENT])
    .select((eb) => (q ? contains(eb.ref("v.searchText"), q) : sql<boolean>`0`).as("match"))
    .where((eb) =>
      eb.and([
        inIds(
          eb.ref("c.issueId"),
          issues.map((i) => i.id),
        ),
        inIds(
          eb.ref("c.partyId"),
          parties.map((p) => p.id),
        ),
      ]),
    )
    .execute();
  const rowOf = new Map(issues.map((issue, index) => [issue.id, index]));
  const columnsOf = new Map<number, number[]>();
  parties.forEach((party, index) => columnsOf.set(party.id, [...(columnsOf.get(party.id) ?? []), index]));
  const citations = await readCitations(
    db,
    rows.map((r) => r.id),
  );
  await readSources(db, [...citations.values()].flat(), cache);
  const readings = await readReadings(db, withReadings(rows), cache);
  for (const row of rows) {
    const r = rowOf.get(row.issueId)!;
    const columns = columnsOf.get(row.partyId)!;
    const content = { ...toVersionContent(row), readings: readings.get(row.id) ?? [] };
    const cell: TGridCell = {
      issue: issues[r]!.slug,
      party: parties[columns[0]!]!.slug,
      versionId: row.id,
      ...content,
      sources: (citations.get(row.id) ?? []).map((id) => cache.get(id)!),
      ...(q ? { match: Boolean(row.match) } : {}),
      // Derived here from the readings, by the rule that also wrote the version's stored columns (which the long CSV reads).
      contested: isContested(content),
      range: rangeOf(content),
    };
    for (const column of columns) grid[r]![column] = cell;
  }
  return grid;
}

/** A cell's score for metrics over a whole view, with whether its readings disagree and their range. */
export type TScoreRead = { issueId: number; partyId: number; score: number | null; contested: boolean; range: TRange | null };

/** The scores of these issues for these parties on a day, for metrics over a whole view. */
export async function readScores(
  db: TDb,
  day: string | null,
  issueIds: readonly number[],
  partyIds: readonly number[],
): Promise<TScoreRead[]> {
  if (issueIds.length === 0 || partyIds.length === 0) return [];
  const rows = await db
    .selectFrom(cellsOn(db, day))
    .innerJoin("PositionVersion as v", "v.id", "c.versionId")
    .select(["c.issueId", "c.partyId", "v.score", "v.contested", "v.scoreMin", "v.scoreMax"])
    .where((eb) => eb.and([inIds(eb.ref("c.issueId"), issueIds), inIds(eb.ref("c.partyId"), partyIds)]))
    .execute();
  return rows.map((r) => ({
    issueId: r.issueId,
    partyId: r.partyId,
    score: r.score,
    contested: r.contested === 1,
    range: storedRange(r.score, r.scoreMin, r.scoreMax),
  }));
}

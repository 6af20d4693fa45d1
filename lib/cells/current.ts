import "server-only";
import { sql, type Expression, type RawBuilder } from "kysely";
import { parseValidity } from "../domain/dates";
import { isCalendarDay } from "../domain/dates";
import type { TDb } from "../db/connection";

// The one rule for the current version of a cell on a day: of the versions whose validity starts
// on or before that day (every version, for the latest data), the latest by its start, a later
// recording winning a tie, that neither retracts another nor is retracted. A retraction withdraws
// a version from every view, whatever the day; it stays in the cell's history.
//
// The rule is written twice, as the database applies it (`currentVersionId`, used by the views as
// of a day and by the writer that keeps each cell's pointer to its current version) and over
// versions in memory (`currentVersion`, used by the dossier's validation and the import preview);
// tests/integration/current-rule.test.ts holds the two to the same answers on random histories.

/** A version in memory: its date as written (null: the party's date) and the date of the version it retracts, if any. */
type TDatedVersion = { asOf: string | null; retracts: string | null };

/** Versions in time order: by the start of their validity, then in the order given (a later entry supersedes). */
export function inTimeOrder<T extends Pick<TDatedVersion, "asOf">>(versions: readonly T[], fallbackDate: string): T[] {
  const start = (v: T) => parseValidity(v.asOf ?? fallbackDate).validFrom;
  return versions
    .map((v, index) => ({ v, index }))
    .sort((a, b) => start(a.v).localeCompare(start(b.v)) || a.index - b.index)
    .map(({ v }) => v);
}

/** A cell's current version among versions in memory, on a day (null: the latest data); undefined when none holds. */
export function currentVersion<T extends TDatedVersion>(
  versions: readonly T[],
  fallbackDate = "",
  day: string | null = null,
): T | undefined {
  const ordered = inTimeOrder(versions, fallbackDate);
  // A retraction names a date: it withdraws the latest version of that date (as the writer resolves it).
  const latestOfDate = new Map<string, T>();
  for (const v of ordered) if (v.retracts === null) latestOfDate.set(v.asOf ?? fallbackDate, v);
  const retracted = new Set(ordered.flatMap((v) => (v.retracts === null ? [] : [latestOfDate.get(v.retracts)])));
  const started = (v: T) => day === null || parseValidity(v.asOf ?? fallbackDate).validFrom <= day;
  return ordered.findLast((v) => v.retracts === null && !retracted.has(v) && started(v));
}

/**
 * The id of a cell's current version on a day (null: the latest data), as SQL over the cell's
 * issue and party. (The unary `+` keeps SQLite from scanning the retraction index, which every
 * version matches, instead of the issue × party index: 96 ms against 8 ms for a page of a
 * 100,000-cell dossier.)
 */
export function currentVersionId(issueId: Expression<number>, partyId: Expression<number>, day: string | null): RawBuilder<number | null> {
  // The day is a parameter, but it is checked anyway: a view's day comes from a URL.
  if (day !== null && !isCalendarDay(day)) throw new Error(`not a calendar day: ${JSON.stringify(day)}`);
  const started = day === null ? sql`` : sql`AND w."validFrom" <= ${day}`;
  return sql<number | null>`(SELECT w."id" FROM "PositionVersion" w
    WHERE w."issueId" = ${issueId} AND w."partyId" = ${partyId} ${started} AND +w."retractsId" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "PositionVersion" r WHERE r."retractsId" = w."id")
    ORDER BY w."validFrom" DESC, w."id" DESC LIMIT 1)`;
}

/**
 * The cells with their version on a day, as a table `c(id, issueId, partyId, versionId)` to read
 * from: the cells' pointers for the latest data, the rule for any other day. A cell with no
 * version on that day has a null `versionId` (shown as "No record yet", never as a score).
 */
export function cellsOn(db: TDb, day: string | null) {
  if (day === null) return db.selectFrom("Position as c").select(["c.id", "c.issueId", "c.partyId", "c.versionId"]).as("c");
  return db
    .selectFrom("Position as p")
    .select((eb) => ["p.id", "p.issueId", "p.partyId", currentVersionId(eb.ref("p.issueId"), eb.ref("p.partyId"), day).as("versionId")])
    .as("c");
}

import "server-only";
import type Database from "better-sqlite3";
import { parseValidity } from "../domain";
import { isCalendarDay } from "../matrix-params";

/** What the view queries read with: the database itself (the latest data) or the same tables as of a day. */
export type TReader = Pick<Database.Database, "prepare">;

/**
 * The cells as they stood on a day, under the names of the tables the current views read, so
 * one SQL text serves every date: "Position" becomes each cell's latest version valid on that day
 * (neither a retraction nor retracted; a later recording wins a tie), "PositionSource" that
 * version's citations. A cell with no version yet on that day has no row, as a missing cell.
 * (The unary `+` keeps SQLite from scanning the retraction index, which every version matches,
 * instead of the issue × party index the views' filters narrow: 96 ms against 8 ms for a page of
 * a 100,000-cell dossier.)
 */
function tablesAsOf(day: string): string {
  // The day is spliced into the SQL, so it is checked to be digits and hyphens only.
  if (!isCalendarDay(day)) throw new Error(`not a calendar day: ${JSON.stringify(day)}`);
  return `"Position" AS (
      SELECT v."id", v."issueId", v."partyId", v."label", v."summary", v."score", v."status", v."confidence", v."asOf",
        v."quote", v."notes", v."searchText", v."id" AS "versionId"
      FROM "PositionVersion" v
      WHERE +v."retractsId" IS NULL AND v."validFrom" <= '${day}' AND v."id" = (
        SELECT w."id" FROM "PositionVersion" w
        WHERE w."issueId" = v."issueId" AND w."partyId" = v."partyId" AND w."validFrom" <= '${day}' AND +w."retractsId" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "PositionVersion" r WHERE r."retractsId" = w."id")
        ORDER BY w."validFrom" DESC, w."id" DESC LIMIT 1)
    ),
    "PositionSource" AS (SELECT "versionId" AS "positionId", "sourceId", "sortOrder" FROM "PositionVersionSource")`;
}

/** A reader of the data as of a day (null: the latest data, read from the tables themselves). */
export function readerAsOf(db: Database.Database, asOf: string | null): TReader {
  if (asOf === null) return db;
  const tables = tablesAsOf(asOf);
  const prepare = (sql: string) =>
    db.prepare(/^\s*WITH\s/i.test(sql) ? sql.replace(/^\s*WITH\s/i, `WITH ${tables}, `) : `WITH ${tables} ${sql}`);
  return { prepare } as TReader;
}

/** A document party not yet published on the day: its date starts after it. Actors are always shown. */
export function isUnpublished(party: { kind: string; date: string }, asOf: string | null): boolean {
  return asOf !== null && party.kind === "document" && parseValidity(party.date).validFrom > asOf;
}

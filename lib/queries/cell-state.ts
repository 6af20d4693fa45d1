import "server-only";
import type Database from "better-sqlite3";
import type { TConfidence, TSource, TStatus } from "../domain";
import { getDatabase } from "../db";

// One cell as an editor meets it: its current content, and the latest version that a change must
// start from (the ETag of the write API). Read by the edit form, the write API and imports.

export type TCellAddress = { slug: string; issue: string; party: string };

/** A stored source as an editor picks it: its id and its fields. */
export type TStoredSource = TSource & { id: number };

/** A cell's current content and the version a save must start from. */
export type TCellState = {
  negotiation: { id: number; slug: string; title: string };
  issue: { id: number; slug: string; name: string; lowLabel: string; highLabel: string };
  party: { id: number; slug: string; name: string; date: string };
  /** Null for a cell with no version yet (an issue or party added since the import). */
  positionId: number | null;
  /** The cell's latest recorded version: an edit must name it (the ETag of the write API; 0 for none). */
  head: { id: number; author: string | null; recordedAt: string; reason: string | null } | null;
  current: {
    label: string;
    summary: string;
    score: number | null;
    status: TStatus;
    confidence: TConfidence;
    asOf: string;
    quote: string | null;
    notes: string | null;
    sources: TStoredSource[];
  } | null;
};

/** One row of the cell's state query: negotiation, issue, party, current content and latest version. */
type TStateRow = Omit<NonNullable<TCellState["current"]>, "sources"> &
  Record<"nId" | "iId" | "paId", number> &
  Record<"positionId" | "headId", number | null> &
  Record<"nSlug" | "nTitle" | "iSlug" | "iName" | "lowLabel" | "highLabel" | "paSlug" | "paName" | "paDate", string> &
  Record<"headRecordedAt" | "headReason" | "headAuthor", string | null>;

export type TSourceRow = Omit<TStoredSource, "isDateApproximate" | "flags"> & { isDateApproximate: number; flags: string };
export const toStoredSource = ({ isDateApproximate, flags, ...row }: TSourceRow): TStoredSource => ({
  ...row,
  isDateApproximate: isDateApproximate === 1,
  flags: JSON.parse(flags) as string[],
});
export const SOURCE_FIELDS = `s."id", s."title", s."publisher", s."url", s."publishedAt", s."isDateApproximate", s."note", s."kind", s."relays", s."kindNote", s."flags"`;

/** A cell's state in the reader's transaction; null when the negotiation, issue or party does not exist. */
export function readCellState(db: Database.Database, address: TCellAddress): TCellState | null {
  const row = db
    .prepare(
      `SELECT n."id" AS nId, n."slug" AS nSlug, n."title" AS nTitle, i."id" AS iId, i."slug" AS iSlug, i."name" AS iName,
         i."lowLabel", i."highLabel", pa."id" AS paId, pa."slug" AS paSlug, pa."name" AS paName, pa."date" AS paDate,
         p."id" AS positionId, p."label", p."summary", p."score", p."status", p."confidence", p."asOf", p."quote", p."notes",
         h."id" AS headId, h."recordedAt" AS headRecordedAt, h."reason" AS headReason, u."name" AS headAuthor
       FROM "Negotiation" n JOIN "Issue" i ON i."negotiationId" = n."id" AND i."slug" = ?
       JOIN "Party" pa ON pa."negotiationId" = n."id" AND pa."slug" = ?
       LEFT JOIN "Position" p ON p."issueId" = i."id" AND p."partyId" = pa."id"
       LEFT JOIN "PositionVersion" h ON h."id" = (SELECT MAX(v."id") FROM "PositionVersion" v WHERE v."positionId" = p."id")
       LEFT JOIN "User" u ON u."id" = h."authorId"
       WHERE n."slug" = ?`,
    )
    .get(address.issue, address.party, address.slug) as TStateRow | undefined;
  if (!row) return null;
  const sources = (
    db
      .prepare(
        `SELECT ${SOURCE_FIELDS} FROM "PositionSource" ps JOIN "Source" s ON s."id" = ps."sourceId" WHERE ps."positionId" = ? ORDER BY ps."sortOrder"`,
      )
      .all(row.positionId) as TSourceRow[]
  ).map(toStoredSource);
  const r = row;
  return {
    negotiation: { id: r.nId, slug: r.nSlug, title: r.nTitle },
    issue: { id: r.iId, slug: r.iSlug, name: r.iName, lowLabel: r.lowLabel, highLabel: r.highLabel },
    party: { id: r.paId, slug: r.paSlug, name: r.paName, date: r.paDate },
    positionId: r.positionId,
    head: r.headId === null ? null : { id: r.headId, author: r.headAuthor, recordedAt: r.headRecordedAt!, reason: r.headReason },
    current:
      r.positionId === null
        ? null
        : {
            label: r.label,
            summary: r.summary,
            score: r.score,
            status: r.status,
            confidence: r.confidence,
            asOf: r.asOf,
            quote: r.quote,
            notes: r.notes,
            sources,
          },
  };
}

/** A cell's state now (one read transaction). */
export function getCellState(address: TCellAddress): TCellState | null {
  const db = getDatabase();
  return db.transaction(() => readCellState(db, address))();
}

/** Stored sources of a negotiation for the editor's picker, in bibliography order, bounded. */
export const PICKABLE_SOURCES = 2000;
export function listSources(negotiationId: number): TStoredSource[] {
  return (
    getDatabase()
      .prepare(`SELECT ${SOURCE_FIELDS} FROM "Source" s WHERE s."negotiationId" = ? ORDER BY s."id" LIMIT ?`)
      .all(negotiationId, PICKABLE_SOURCES) as TSourceRow[]
  ).map(toStoredSource);
}

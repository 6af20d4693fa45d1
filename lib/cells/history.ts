import "server-only";
import type { TDb } from "../db/connection";
import type { TNumberedSource } from "./cell";
import { readReadings, toVersionContent, VERSION_CONTENT, withReadings, type TStoredReading, type TVersionContent } from "./read";
import { readNumberedSources, type TNumbering } from "./sources";

// A cell's history: every version, in time order, with its dates, author, reason, event, sources,
// and what retracted what. Versions are never changed, so the history is the record.

/** One version of a cell, as its history lists it. */
export type TVersion = TVersionContent & {
  id: number;
  /** The validity as read from its date as written (`asOf`: "2025-12-18/2025-12-24", "c. 2025-11-21"). */
  validFrom: string;
  validTo: string | null;
  isApproximate: boolean;
  recordedAt: string;
  /** The display name of who entered it (null: a dossier import), and why. */
  author: string | null;
  reason: string | null;
  event: { slug: string | null; date: string; title: string } | null;
  /** The version this one retracts, if it is a retraction. */
  retracts: number | null;
  /** The retraction that withdrew this version, if any. */
  retractedBy: number | null;
  sources: TNumberedSource[];
  /** Its competing readings, each source with its number in the bibliography. */
  readings: (Omit<TStoredReading, "sources"> & { sources: TNumberedSource[] })[];
};

/** A cell's history lists at most this many versions. */
export const HISTORY_VERSIONS = 200;

/** A cell's versions in time order (validity, then recording), each with its numbered sources and event. */
export async function readHistory(db: TDb, issueId: number, partyId: number, numberOf: TNumbering): Promise<TVersion[]> {
  const rows = await db
    .selectFrom("PositionVersion as v")
    .leftJoin("Event as e", "e.id", "v.eventId")
    .leftJoin("User as u", "u.id", "v.authorId")
    .select([
      "v.id",
      "v.validFrom",
      "v.validTo",
      "v.isApproximate",
      "v.recordedAt",
      "u.name as author",
      "v.reason",
      "v.retractsId",
      "e.slug as eventSlug",
      "e.date as eventDate",
      "e.title as eventTitle",
      ...VERSION_CONTENT,
    ])
    .select((eb) =>
      eb.selectFrom("PositionVersion as r").select("r.id").whereRef("r.retractsId", "=", "v.id").orderBy("r.id").limit(1).as("retractedBy"),
    )
    .where("v.issueId", "=", issueId)
    .where("v.partyId", "=", partyId)
    .orderBy("v.validFrom")
    .orderBy("v.id")
    .limit(HISTORY_VERSIONS)
    .execute();
  const sources = await readNumberedSources(
    db,
    rows.map((r) => r.id),
    numberOf,
  );
  const readings = await readReadings(db, withReadings(rows), new Map());
  return rows.map((row) => ({
    id: row.id,
    ...toVersionContent(row),
    validFrom: row.validFrom,
    validTo: row.validTo,
    isApproximate: row.isApproximate === 1,
    recordedAt: row.recordedAt,
    author: row.author,
    reason: row.reason,
    event: row.eventDate === null ? null : { slug: row.eventSlug, date: row.eventDate, title: row.eventTitle! },
    retracts: row.retractsId,
    retractedBy: row.retractedBy,
    sources: sources.get(row.id) ?? [],
    readings: (readings.get(row.id) ?? []).map((r) => ({ ...r, sources: r.sources.map((s) => ({ ...s, number: numberOf(s.id) })) })),
  }));
}

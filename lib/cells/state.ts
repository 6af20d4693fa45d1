import "server-only";
import type { TDb } from "../db/connection";
import { lockNegotiation } from "../db/dialect";
import { readSnapshot } from "../db/transactions";
import type { TCellAddress, TSource } from "./cell";
import { readReadings, toVersionContent, VERSION_CONTENT, type TStoredReading, type TVersionContent } from "./read";
import { readCitations, readSources, toSource, type TSourceCache } from "./sources";

// One cell as an editor meets it: its current content, and the latest version that a change must
// start from (the ETag of the write API). Read by the edit form, the write API and imports.

/** A stored source as an editor picks it: its id and its fields. */
export type TStoredSource = TSource & { id: number };

/** A cell's current content and the version a save must start from. */
export type TCellState = {
  negotiation: { id: number; slug: string; title: string };
  issue: { id: number; slug: string; name: string; lowLabel: string; highLabel: string };
  party: { id: number; slug: string; name: string; date: string };
  /** Null for a cell with no version yet (an issue or party added since the import). */
  cellId: number | null;
  /** The cell's latest recorded version: an edit must name it (the ETag of the write API; 0 for none). */
  head: { id: number; author: string | null; recordedAt: string; reason: string | null } | null;
  current: (TVersionContent & { sources: TStoredSource[]; readings: TStoredReading[] }) | null;
};

/**
 * A cell's state in the caller's transaction; null when the negotiation, issue or party does not
 * exist. `lock` (inside a write transaction) holds the negotiation against other writers until it
 * commits, so that two editors who started from the same version cannot both save on it.
 */
export async function readCellState(db: TDb, address: TCellAddress, options: { lock?: boolean } = {}): Promise<TCellState | null> {
  // Writers of one negotiation take turns (lib/db/dialect.ts): a second editor waits here, then sees the first one's version.
  if (options.lock) await lockNegotiation(db, { slug: address.slug });
  const place = await db
    .selectFrom("Negotiation as n")
    .innerJoin("Issue as i", (join) => join.onRef("i.negotiationId", "=", "n.id").on("i.slug", "=", address.issue))
    .innerJoin("Party as pa", (join) => join.onRef("pa.negotiationId", "=", "n.id").on("pa.slug", "=", address.party))
    .select([
      "n.id as nId",
      "n.slug as nSlug",
      "n.title as nTitle",
      "i.id as iId",
      "i.slug as iSlug",
      "i.name as iName",
      "i.lowLabel",
      "i.highLabel",
      "pa.id as paId",
      "pa.slug as paSlug",
      "pa.name as paName",
      "pa.date as paDate",
    ])
    .where("n.slug", "=", address.slug)
    .executeTakeFirst();
  if (!place) return null;
  const cell = await db
    .selectFrom("Position as c")
    .leftJoin("PositionVersion as v", "v.id", "c.versionId")
    .select(["c.id", "v.id as versionId"])
    .where("c.issueId", "=", place.iId)
    .where("c.partyId", "=", place.paId)
    .executeTakeFirst();
  const head = cell
    ? await db
        .selectFrom("PositionVersion as h")
        .leftJoin("User as u", "u.id", "h.authorId")
        .select(["h.id", "h.recordedAt", "h.reason", "u.name as author"])
        .where("h.positionId", "=", cell.id)
        .orderBy("h.id", "desc")
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const current =
    cell?.versionId == null
      ? null
      : {
          ...(await readContent(db, cell.versionId)),
          sources: await readStoredSources(db, cell.versionId),
          readings: (await readReadings(db, [cell.versionId], new Map())).get(cell.versionId) ?? [],
        };
  return {
    negotiation: { id: place.nId, slug: place.nSlug, title: place.nTitle },
    issue: { id: place.iId, slug: place.iSlug, name: place.iName, lowLabel: place.lowLabel, highLabel: place.highLabel },
    party: { id: place.paId, slug: place.paSlug, name: place.paName, date: place.paDate },
    cellId: head ? cell!.id : null,
    head: head ? { id: head.id, author: head.author, recordedAt: head.recordedAt, reason: head.reason } : null,
    current,
  };
}

/** A stored version's content. */
async function readContent(db: TDb, versionId: number): Promise<TVersionContent> {
  return toVersionContent(
    await db.selectFrom("PositionVersion as v").select(VERSION_CONTENT).where("v.id", "=", versionId).executeTakeFirstOrThrow(),
  );
}

/** The sources a version cites, with their ids, in citation order. */
async function readStoredSources(db: TDb, versionId: number): Promise<TStoredSource[]> {
  const ids = (await readCitations(db, [versionId])).get(versionId) ?? [];
  const cache: TSourceCache = new Map();
  await readSources(db, ids, cache);
  return ids.map((id) => ({ ...cache.get(id)!, id }));
}

/** A cell's state now (one read snapshot). */
export function getCellState(address: TCellAddress): Promise<TCellState | null> {
  return readSnapshot((db) => readCellState(db, address));
}

/** Stored sources of a negotiation for the editor's picker, in bibliography order, bounded. */
export const PICKABLE_SOURCES = 2000;

export function listSources(negotiationId: number): Promise<TStoredSource[]> {
  return readSnapshot(async (db) => {
    const rows = await db
      .selectFrom("Source")
      .selectAll()
      .where("negotiationId", "=", negotiationId)
      .orderBy("id")
      .limit(PICKABLE_SOURCES)
      .execute();
    return rows.map((row) => ({ ...toSource(row), id: row.id }));
  });
}

/** One stored source of a negotiation by id, or undefined. */
export async function findStoredSource(db: TDb, negotiationId: number, id: number): Promise<TStoredSource | undefined> {
  const row = await db.selectFrom("Source").selectAll().where("id", "=", id).where("negotiationId", "=", negotiationId).executeTakeFirst();
  return row && { ...toSource(row), id: row.id };
}

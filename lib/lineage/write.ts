import "server-only";
import { allocateIds, insertMany } from "../db/dialect";
import type { TDb } from "../db/connection";
import type { TDraftInput, TLinkInput, TPointInput } from "./schema";

// The one writer of the lineage: drafts with their points, new versions of points (a point is never
// changed: a correction is a new version) and of links, with their citations, inside the caller's
// write transaction. Ids of drafts, points and issues are resolved by the caller.

export type TWriteBy = { recordedAt: string; authorId: string | null; reason: string | null };

export type TPointVersionWrite = Omit<TPointInput, "number" | "issues" | "sources"> & {
  pointId: number;
  issueIds: number[];
  sourceIds: number[];
};

/** Appends point versions with their issues and citations. */
export async function appendPointVersions(db: TDb, versions: readonly TPointVersionWrite[], by: TWriteBy): Promise<number> {
  const ids = await allocateIds(db, "DraftPointVersion", versions.length);
  await insertMany(
    db,
    "DraftPointVersion",
    versions.map((v, index) => ({
      id: ids[index]!,
      pointId: v.pointId,
      title: v.title,
      text: v.text,
      isVerbatim: v.isVerbatim ? 1 : 0,
      language: v.language,
      textEn: v.textEn,
      isComplete: v.isComplete ? 1 : 0,
      status: v.status,
      statusNote: v.statusNote,
      statusDate: v.statusDate,
      notes: v.notes,
      ...by,
    })),
  );
  await insertMany(
    db,
    "DraftPointIssue",
    versions.flatMap((v, index) => [...new Set(v.issueIds)].map((issueId) => ({ versionId: ids[index]!, issueId }))),
  );
  await insertMany(
    db,
    "DraftPointSource",
    versions.flatMap((v, index) =>
      [...new Set(v.sourceIds)].map((sourceId, order) => ({ versionId: ids[index]!, sourceId, sortOrder: order })),
    ),
  );
  return versions.length;
}

/** Makes the points of a draft that do not exist yet, after its last; returns the id of every number asked. */
export async function ensurePoints(db: TDb, draftId: number, numbers: readonly string[]): Promise<Map<string, number>> {
  const stored = await db.selectFrom("DraftPoint").select(["id", "number", "sortOrder"]).where("draftId", "=", draftId).execute();
  const ids = new Map(stored.map((p) => [p.number, p.id]));
  const missing = [...new Set(numbers)].filter((n) => !ids.has(n));
  const next = stored.reduce((last, p) => Math.max(last, p.sortOrder + 1), 0);
  const newIds = await allocateIds(db, "DraftPoint", missing.length);
  await insertMany(
    db,
    "DraftPoint",
    missing.map((number, index) => ({ id: newIds[index]!, draftId, number, sortOrder: next + index })),
  );
  missing.forEach((number, index) => ids.set(number, newIds[index]!));
  return ids;
}

/** Writes a dossier's drafts with their sources and first point versions; returns each draft's id and its points' ids. */
export async function writeDrafts(
  db: TDb,
  negotiationId: number,
  drafts: readonly (Omit<TDraftInput, "party" | "sources" | "points"> & {
    partyId: number | null;
    sourceIds: number[];
    points: (TPointInput & { issueIds: number[]; sourceIds: number[] })[];
  })[],
  by: TWriteBy,
): Promise<Map<string, { id: number; points: Map<string, number> }>> {
  const ids = await allocateIds(db, "Draft", drafts.length);
  await insertMany(
    db,
    "Draft",
    drafts.map((d, index) => ({
      id: ids[index]!,
      negotiationId,
      slug: d.slug,
      name: d.name,
      partyId: d.partyId,
      date: d.date,
      publishedOn: d.publishedOn,
      fullText: d.fullText ? 1 : 0,
      reportedPoints: d.reportedPoints,
      notes: d.notes,
      sortOrder: index,
    })),
  );
  await insertMany(
    db,
    "DraftSource",
    drafts.flatMap((d, index) =>
      [...new Set(d.sourceIds)].map((sourceId, order) => ({ draftId: ids[index]!, sourceId, sortOrder: order })),
    ),
  );
  const written = new Map<string, { id: number; points: Map<string, number> }>();
  const versions: TPointVersionWrite[] = [];
  for (const [index, d] of drafts.entries()) {
    const points = await ensurePoints(
      db,
      ids[index]!,
      d.points.map((p) => p.number),
    );
    written.set(d.slug, { id: ids[index]!, points });
    for (const { number, issues: _issues, sources: _sources, ...p } of d.points) versions.push({ ...p, pointId: points.get(number)! });
  }
  await appendPointVersions(db, versions, by);
  return written;
}

export type TLinkWrite = Omit<TLinkInput, "fromDraft" | "fromPoint" | "toDraft" | "toPoint" | "sources"> & {
  fromDraftId: number;
  fromPointId: number | null;
  toDraftId: number;
  toPointId: number | null;
  sourceIds: number[];
};

/** Appends link versions with their citations (the latest version of a pair holds). */
export async function appendLinks(db: TDb, links: readonly TLinkWrite[], by: TWriteBy): Promise<number> {
  const ids = await allocateIds(db, "PointLink", links.length);
  await insertMany(
    db,
    "PointLink",
    links.map(({ sourceIds: _, ...l }, index) => ({ id: ids[index]!, ...l, ...by })),
  );
  await insertMany(
    db,
    "PointLinkSource",
    links.flatMap((l, index) => [...new Set(l.sourceIds)].map((sourceId, order) => ({ linkId: ids[index]!, sourceId, sortOrder: order }))),
  );
  return links.length;
}

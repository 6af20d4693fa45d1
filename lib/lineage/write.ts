import "server-only";
import { writeSources } from "../cells/write";
import { allocateIds, insertMany } from "../db/dialect";
import type { TDb } from "../db/connection";
import { AppError } from "../domain/errors";
import type { TDraftInput, TLinkInput, TPointInput } from "./schema";

// The one writer of the lineage, inside the caller's write transaction: a dossier's drafts, points
// and links, and an editor's new version of a point or a link (never a change: a correction is a new
// version), each with its citations. The caller resolves the slugs of drafts, parties and issues.

export type TWriteBy = { recordedAt: string; authorId: string | null; reason: string | null };

type TPointVersionWrite = Omit<TPointInput, "number" | "issues" | "sources"> & {
  pointId: number;
  issueIds: number[];
  sourceIds: number[];
};

/** Appends point versions with their issues and citations. */
async function appendPointVersions(db: TDb, versions: readonly TPointVersionWrite[], by: TWriteBy): Promise<number> {
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
async function ensurePoints(db: TDb, draftId: number, numbers: readonly string[]): Promise<Map<string, number>> {
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
async function writeDrafts(
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

type TLinkWrite = Omit<TLinkInput, "fromDraft" | "fromPoint" | "toDraft" | "toPoint" | "sources"> & {
  fromDraftId: number;
  fromPointId: number | null;
  toDraftId: number;
  toPointId: number | null;
  sourceIds: number[];
};

/** Appends link versions with their citations (the latest version of a pair holds). */
async function appendLinks(db: TDb, links: readonly TLinkWrite[], by: TWriteBy): Promise<number> {
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

/**
 * A dossier's drafts, points and links, after its cells (inside the import's transaction): `take`
 * hands out the ids of the sources each cites, in the order the import listed them.
 */
export async function importLineage(
  db: TDb,
  negotiationId: number,
  input: { drafts: readonly TDraftInput[]; links: readonly TLinkInput[] },
  ids: { party: (slug: string) => number; issue: (slug: string) => number; take: (count: number) => number[] },
  by: TWriteBy,
): Promise<void> {
  const drafts = await writeDrafts(
    db,
    negotiationId,
    input.drafts.map((d) => ({
      ...d,
      partyId: d.party === null ? null : ids.party(d.party),
      sourceIds: ids.take(d.sources.length),
      points: d.points.map((p) => ({ ...p, issueIds: p.issues.map(ids.issue), sourceIds: ids.take(p.sources.length) })),
    })),
    by,
  );
  await appendLinks(
    db,
    input.links.map(({ fromDraft, fromPoint, toDraft, toPoint, sources, ...l }) => ({
      ...l,
      fromDraftId: drafts.get(fromDraft)!.id,
      fromPointId: fromPoint === null ? null : drafts.get(fromDraft)!.points.get(fromPoint)!,
      toDraftId: drafts.get(toDraft)!.id,
      toPointId: toPoint === null ? null : drafts.get(toDraft)!.points.get(toPoint)!,
      sourceIds: ids.take(sources.length),
    })),
    by,
  );
}

/** Refuses a change started from a version that is no longer the latest: two editors never overwrite each other silently. */
function checkBasedOn(latest: number | null | undefined, basedOn: number | null | undefined, what: string) {
  if (basedOn !== undefined && basedOn !== null && latest !== basedOn)
    throw new AppError(
      "stale",
      `This ${what} was changed by someone else since you opened it; reload the page to see the change, then make yours.`,
    );
}

/**
 * An editor's new version of a draft's point (a new point when its number is new), inside the
 * caller's write transaction; `basedOn` is the version the editor saw (refused when it is not the latest).
 */
export async function recordPointVersion(
  db: TDb,
  negotiationId: number,
  args: { draftId: number; point: TPointInput; issueIds: number[]; basedOn: number | null | undefined; by: TWriteBy },
): Promise<void> {
  const { number, issues: _issues, sources, ...point } = args.point;
  const pointId = (await ensurePoints(db, args.draftId, [number])).get(number)!;
  const latest = await db
    .selectFrom("DraftPointVersion")
    .select((eb) => eb.fn.max("id").as("id"))
    .where("pointId", "=", pointId)
    .executeTakeFirst();
  checkBasedOn(latest?.id, args.basedOn, "point");
  const sourceIds = await writeSources(db, negotiationId, sources);
  await appendPointVersions(db, [{ ...point, pointId, issueIds: args.issueIds, sourceIds }], args.by);
}

/**
 * An editor's new version of a link (the latest of a pair holds), inside the caller's write
 * transaction: its points must exist in the drafts given; `basedOn` as for a point.
 */
export async function recordLinkVersion(
  db: TDb,
  negotiationId: number,
  args: { link: TLinkInput; fromDraftId: number; toDraftId: number; basedOn: number | null | undefined; by: TWriteBy },
): Promise<void> {
  const { fromDraft, fromPoint, toDraft, toPoint, sources, ...link } = args.link;
  const pointId = async (draftId: number, draft: string, number: string | null) => {
    if (number === null) return null;
    const row = await db
      .selectFrom("DraftPoint")
      .select("id")
      .where("draftId", "=", draftId)
      .where("number", "=", number)
      .executeTakeFirst();
    if (!row) throw new AppError("not_found", `The draft “${draft}” has no point “${number}”.`);
    return row.id;
  };
  const [fromPointId, toPointId] = [await pointId(args.fromDraftId, fromDraft, fromPoint), await pointId(args.toDraftId, toDraft, toPoint)];
  const latest = await db
    .selectFrom("PointLink")
    .select((eb) => eb.fn.max("id").as("id"))
    .where("fromDraftId", "=", args.fromDraftId)
    .where("toDraftId", "=", args.toDraftId)
    .where((eb) => (fromPointId === null ? eb("fromPointId", "is", null) : eb("fromPointId", "=", fromPointId)))
    .where((eb) => (toPointId === null ? eb("toPointId", "is", null) : eb("toPointId", "=", toPointId)))
    .executeTakeFirst();
  checkBasedOn(latest?.id, args.basedOn, "link");
  const sourceIds = await writeSources(db, negotiationId, sources);
  await appendLinks(
    db,
    [{ ...link, fromDraftId: args.fromDraftId, fromPointId, toDraftId: args.toDraftId, toPointId, sourceIds }],
    args.by,
  );
}

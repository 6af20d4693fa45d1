import "server-only";
import type { ExpressionBuilder } from "kysely";
import type { DB } from "../generated/kysely/types";
import type { TSource } from "../cells/schema";
import { readCitedSources, type TSourceCache } from "../cells/sources";
import { inIds, inTexts } from "../db/dialect";
import type { TDb } from "../db/connection";
import { toConfidence, toOneOf } from "../domain/words";
import { LINK_BASES, LINK_CHANGES, POINT_STATUSES, type TDraft, type TLineage, type TLink, type TPoint } from "./lineage";

// Reading a negotiation's lineage: its drafts published by the view's day (null: all), each point's
// latest version with its issues and sources, and the latest version of each link between two
// drafts shown. Bounded by the import's limits (50 drafts, 1,000 points each, 10,000 links).

/** The one rule for a point's version shown: its latest (a point `p`, its versions `v`). A correction is a new version. */
const isLatestVersion = (eb: ExpressionBuilder<DB & { p: DB["DraftPoint"]; v: DB["DraftPointVersion"] }, "p" | "v">) =>
  eb(
    "v.id",
    "=",
    eb
      .selectFrom("DraftPointVersion as w")
      .select((w) => w.fn.max("w.id").as("id"))
      .whereRef("w.pointId", "=", "p.id"),
  );

/**
 * A negotiation's lineage on a day (null: the latest): drafts not yet published then are left out,
 * with their links. `column` reads only the draft that is that party's column, without links (what a
 * cell's page shows).
 */
export async function readLineage(
  db: TDb,
  negotiationId: number,
  day: string | null,
  cache: TSourceCache = new Map(),
  column: string | null = null,
): Promise<TLineage<TSource>> {
  const draftRows = await db
    .selectFrom("Draft as d")
    .leftJoin("Party as p", "p.id", "d.partyId")
    .selectAll("d")
    .select("p.slug as party")
    .where("d.negotiationId", "=", negotiationId)
    .$if(day !== null, (qb) => qb.where("d.publishedOn", "<=", day!))
    .$if(column !== null, (qb) => qb.where("p.slug", "=", column!))
    .orderBy("d.sortOrder")
    .execute();
  const draftIds = draftRows.map((d) => d.id);
  if (draftIds.length === 0) return { drafts: [], links: [] };
  const versions = await db
    .selectFrom("DraftPoint as p")
    .innerJoin("DraftPointVersion as v", "v.pointId", "p.id")
    .selectAll("v")
    .select(["p.draftId", "p.number", "p.sortOrder"])
    .where((eb) => inIds(eb.ref("p.draftId"), draftIds))
    .where(isLatestVersion)
    .orderBy("p.draftId")
    .orderBy("p.sortOrder")
    .execute();
  const versionIds = versions.map((v) => v.id);
  const issues = new Map<number, string[]>();
  if (versionIds.length > 0)
    for (const row of await db
      .selectFrom("DraftPointIssue as pi")
      .innerJoin("Issue as i", "i.id", "pi.issueId")
      .select(["pi.versionId", "i.slug"])
      .where((eb) => inIds(eb.ref("pi.versionId"), versionIds))
      .orderBy("pi.versionId")
      .orderBy("i.sortOrder")
      .execute())
      issues.set(row.versionId, [...(issues.get(row.versionId) ?? []), row.slug]);
  const pointSources = await readCitedSources(db, "DraftPointSource", "versionId", versionIds, cache);
  const draftSources = await readCitedSources(db, "DraftSource", "draftId", draftIds, cache);
  const pointsOf = new Map<number, TPoint<TSource>[]>();
  const numberOf = new Map<number, { draft: string; number: string }>();
  const slugOf = new Map(draftRows.map((d) => [d.id, d.slug]));
  for (const v of versions) {
    numberOf.set(v.pointId, { draft: slugOf.get(v.draftId)!, number: v.number });
    pointsOf.set(v.draftId, [
      ...(pointsOf.get(v.draftId) ?? []),
      {
        version: v.id,
        number: v.number,
        title: v.title,
        text: v.text,
        isVerbatim: Boolean(v.isVerbatim),
        language: v.language,
        textEn: v.textEn,
        isComplete: Boolean(v.isComplete),
        issues: issues.get(v.id) ?? [],
        status: toOneOf(POINT_STATUSES, v.status, "point status"),
        statusNote: v.statusNote,
        statusDate: v.statusDate,
        notes: v.notes,
        sources: pointSources.get(v.id) ?? [],
      },
    ]);
  }
  const drafts: TDraft<TSource>[] = draftRows.map((d) => ({
    slug: d.slug,
    name: d.name,
    party: d.party,
    date: d.date,
    publishedOn: d.publishedOn,
    fullText: Boolean(d.fullText),
    reportedPoints: d.reportedPoints,
    notes: d.notes,
    sources: draftSources.get(d.id) ?? [],
    points: pointsOf.get(d.id) ?? [],
  }));
  if (column !== null) return { drafts, links: [] };
  // The latest version of each pair of points, between two drafts shown.
  const linkRows = await db
    .selectFrom("PointLink as l")
    .selectAll("l")
    .where((eb) => inIds(eb.ref("l.fromDraftId"), draftIds))
    .where((eb) => inIds(eb.ref("l.toDraftId"), draftIds))
    .orderBy("l.id")
    .execute();
  // In the order the pairs were first linked; a later version of a pair replaces the earlier one in its place.
  const latest = new Map<string, (typeof linkRows)[number]>();
  for (const l of linkRows) latest.set(`${l.fromDraftId}|${l.fromPointId ?? ""}|${l.toDraftId}|${l.toPointId ?? ""}`, l);
  const kept = [...latest.values()];
  const linkSources = await readCitedSources(
    db,
    "PointLinkSource",
    "linkId",
    kept.map((l) => l.id),
    cache,
  );
  const links: TLink<TSource>[] = kept.map((l) => ({
    version: l.id,
    fromDraft: slugOf.get(l.fromDraftId)!,
    fromPoint: l.fromPointId === null ? null : numberOf.get(l.fromPointId)!.number,
    toDraft: slugOf.get(l.toDraftId)!,
    toPoint: l.toPointId === null ? null : numberOf.get(l.toPointId)!.number,
    change: toOneOf(LINK_CHANGES, l.change, "link change"),
    summary: l.summary,
    basis: toOneOf(LINK_BASES, l.basis, "link basis"),
    basisNote: l.basisNote,
    confidence: toConfidence(l.confidence),
    notes: l.notes,
    sources: linkSources.get(l.id) ?? [],
  }));
  return { drafts, links };
}

/**
 * Per draft published by the day (null: all), how many of its points concerning the issues (null:
 * all) are open, of how many: counted in SQL, so that the matrix does not read the whole lineage.
 * The same answer as `openPoints` over `readLineage` (a test holds the two together).
 */
export async function countOpenPoints(
  db: TDb,
  negotiationId: number,
  day: string | null,
  issues: readonly string[] | null,
): Promise<{ draft: string; name: string; open: number; of: number }[]> {
  const drafts = await db
    .selectFrom("Draft")
    .select(["id", "slug", "name"])
    .where("negotiationId", "=", negotiationId)
    .$if(day !== null, (qb) => qb.where("publishedOn", "<=", day!))
    .orderBy("sortOrder")
    .execute();
  if (drafts.length === 0) return [];
  const counts = await db
    .selectFrom("DraftPoint as p")
    .innerJoin("DraftPointVersion as v", "v.pointId", "p.id")
    .select("p.draftId")
    .select((eb) => [
      eb.fn.countAll<number>().as("of"),
      eb.fn.sum<number>(eb.case().when("v.status", "=", "open").then(1).else(0).end()).as("open"),
    ])
    .where((eb) =>
      inIds(
        eb.ref("p.draftId"),
        drafts.map((d) => d.id),
      ),
    )
    .where(isLatestVersion)
    .$if(issues !== null, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom("DraftPointIssue as pi")
            .innerJoin("Issue as i", "i.id", "pi.issueId")
            .select("pi.issueId")
            .whereRef("pi.versionId", "=", "v.id")
            .where((e) => inTexts(e.ref("i.slug"), issues!)),
        ),
      ),
    )
    .groupBy("p.draftId")
    .execute();
  const byDraft = new Map(counts.map((c) => [c.draftId, c]));
  return drafts.map((d) => ({
    draft: d.slug,
    name: d.name,
    open: Number(byDraft.get(d.id)?.open ?? 0),
    of: Number(byDraft.get(d.id)?.of ?? 0),
  }));
}

import "server-only";
import { measureIssue, type TIssueDivergence } from "../analysis/divergence";
import type { TCell, TNumberedSource } from "../cells/cell";
import { cellsOn } from "../cells/current";
import { readHistory, type TVersion } from "../cells/history";
import { readCellGrid } from "../cells/read";
import { readNumberedSources, readNumbering } from "../cells/sources";
import type { TDb } from "../db/connection";
import { readSnapshot } from "../db/transactions";
import { isUnpublished } from "../domain/dates";
import type { TIssue, TNegotiationInfo, TParty } from "../domain/words";
import { toInfo, toParty } from "./matrix-view";
import { findNegotiation, listParties, selectIssues, type TIssueRow } from "./rows";
import { readLines, type TRedLine } from "../redlines/read";
import type { TSource } from "../cells/schema";
import { concerns, linksShown, type TDraft, type TLink, type TPoint } from "../lineage/lineage";
import { readLineage } from "../lineage/read";

// The permanent pages of a dossier: one per cell, issue and party. Each reads in one snapshot and
// a bounded number of rows.

/** A party page lists at most this many of its positions (the matrix filtered to the party has all). */
export const PARTY_PAGE_ROWS = 200;

export type { TVersion };

/** A cell as a page shows it, without its sources (listed apart, numbered). */
export type TShownPosition = Omit<TCell, "sources">;

async function findIssue(db: TDb, negotiationId: number, slug: string): Promise<TIssueRow | undefined> {
  const row = await db
    .selectFrom("Issue")
    .select("id")
    .where("negotiationId", "=", negotiationId)
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row && (await selectIssues(db, [row.id]))[0];
}

/** The issues before and after one in dossier order (slug and name), for links to neighbours. */
async function issueNeighbours(db: TDb, negotiationId: number, sortOrder: number) {
  const near = (op: "<" | ">", direction: "desc" | "asc") =>
    db
      .selectFrom("Issue")
      .select(["slug", "name"])
      .where("negotiationId", "=", negotiationId)
      .where("sortOrder", op, sortOrder)
      .orderBy("sortOrder", direction)
      .limit(1)
      .executeTakeFirst();
  return { previous: (await near("<", "desc")) ?? null, next: (await near(">", "asc")) ?? null };
}

export type TCellView = {
  negotiation: TNegotiationInfo;
  issue: TIssue;
  party: TParty;
  /** The day the cell is shown as of, or null for the latest data. */
  asOf: string | null;
  /** True when the party is a document not yet published on `asOf`. */
  unpublished: boolean;
  position: TShownPosition | null;
  /** The version shown as `position`, or null. */
  shownVersionId: number | null;
  sources: TNumberedSource[];
  /** Every version of the cell, in time order (also those after `asOf`, marked as later by their dates). */
  history: TVersion[];
  /** The party's red line on the issue on the view's day, if one is on record. */
  redLine: TRedLine | null;
  /** When the party is a draft traced in the lineage: its points concerning the issue. */
  draftPoints: { draft: string; name: string; points: TPoint<TSource>[] } | null;
  /** Neighbouring cells: the previous and next issue (same party), the previous and next party (same issue). */
  neighbours: {
    up: { slug: string; name: string } | null;
    down: { slug: string; name: string } | null;
    left: TParty | null;
    right: TParty | null;
  };
};

/**
 * One cell as of a day (null: the latest) with its numbered sources, its whole history and its
 * neighbours; null when the negotiation, issue or party does not exist.
 */
export function getCellView(slug: string, issueSlug: string, partySlug: string, asOf: string | null = null): Promise<TCellView | null> {
  return readSnapshot(async (db): Promise<TCellView | null> => {
    const negotiation = await findNegotiation(db, slug);
    if (!negotiation) return null;
    const issue = await findIssue(db, negotiation.id, issueSlug);
    const parties = await listParties(db, negotiation.id);
    const column = parties.findIndex((p) => p.slug === partySlug);
    if (!issue || column < 0) return null;
    const party = parties[column]!;
    const unpublished = isUnpublished(party, asOf);
    const numberOf = await readNumbering(db, negotiation.id);
    const [cell] = unpublished ? [null] : (await readCellGrid(db, { day: asOf, issues: [issue], parties: [party] }))[0]!;
    const sources = cell ? ((await readNumberedSources(db, [cell.versionId], numberOf)).get(cell.versionId) ?? []) : [];
    const { previous, next } = await issueNeighbours(db, negotiation.id, issue.sortOrder);
    const { id: _, ...issueFields } = issue;
    const position = cell ? (({ sources: _s, versionId: _v, ...rest }) => rest)(cell) : null;
    return {
      negotiation: toInfo(negotiation),
      issue: issueFields,
      party: toParty(party),
      asOf,
      unpublished,
      position,
      sources,
      history: await readHistory(db, issue.id, party.id, numberOf),
      redLine: (await readLines(db, [issue.id], [party.id], asOf)).get(`${issue.id}|${party.id}`) ?? null,
      draftPoints: await readDraftPoints(db, negotiation.id, party.slug, issue.slug),
      shownVersionId: cell?.versionId ?? null,
      neighbours: {
        up: previous,
        down: next,
        left: column > 0 ? toParty(parties[column - 1]!) : null,
        right: column < parties.length - 1 ? toParty(parties[column + 1]!) : null,
      },
    };
  });
}

/** The points of the draft that is this party's column, concerning an issue; null when the party is no traced draft. */
async function readDraftPoints(db: TDb, negotiationId: number, party: string, issue: string): Promise<TCellView["draftPoints"]> {
  const [draft] = (await readLineage(db, negotiationId, null, new Map(), party)).drafts;
  return draft ? { draft: draft.slug, name: draft.name, points: draft.points.filter((p) => concerns(p, [issue])) } : null;
}

export type TIssueView = {
  negotiation: TNegotiationInfo;
  issue: TIssue;
  asOf: string | null;
  /** Every party with its cell on this issue, in column order; a document not yet published on `asOf` is marked. */
  cells: { party: TParty; position: TShownPosition | null; unpublished: boolean }[];
  divergence: TIssueDivergence;
  neighbours: { previous: { slug: string; name: string } | null; next: { slug: string; name: string } | null };
  /** The lineage of the points concerning the issue: every draft published by the view's day with those points, and the links touching them. */
  lineage: { drafts: TDraft<TSource>[]; links: TLink<TSource>[]; names: Record<string, string> };
};

/** An issue with every party's position on it and its divergence; null when either does not exist. */
export function getIssueView(slug: string, issueSlug: string, asOf: string | null = null): Promise<TIssueView | null> {
  return readSnapshot(async (db): Promise<TIssueView | null> => {
    const negotiation = await findNegotiation(db, slug);
    if (!negotiation) return null;
    const issue = await findIssue(db, negotiation.id, issueSlug);
    if (!issue) return null;
    const parties = await listParties(db, negotiation.id);
    const row = (await readCellGrid(db, { day: asOf, issues: [issue], parties }))[0]!.map((cell, index) =>
      isUnpublished(parties[index]!, asOf) || !cell ? null : (({ sources: _s, versionId: _v, ...rest }) => rest)(cell),
    );
    const { id: _, ...issueFields } = issue;
    return {
      negotiation: toInfo(negotiation),
      issue: issueFields,
      asOf,
      cells: parties.map((party, index) => ({
        party: toParty(party),
        position: row[index] ?? null,
        unpublished: isUnpublished(party, asOf),
      })),
      divergence: measureIssue(row.flatMap((cell, index) => (isUnpublished(parties[index]!, asOf) ? [] : [cell?.score ?? null]))),
      neighbours: await issueNeighbours(db, negotiation.id, issue.sortOrder),
      lineage: await (async () => {
        const lineage = await readLineage(db, negotiation.id, asOf);
        return {
          drafts: lineage.drafts
            .map((d) => ({ ...d, points: d.points.filter((p) => concerns(p, [issue.slug])) }))
            .filter((d) => d.points.length > 0),
          links: linksShown(lineage, [issue.slug]),
          names: Object.fromEntries(lineage.drafts.map((d) => [d.slug, d.name])),
        };
      })(),
    };
  });
}

export type TPartyView = {
  negotiation: TNegotiationInfo;
  party: TParty;
  asOf: string | null;
  /** True when the party is a document not yet published on `asOf`: it then shows no positions. */
  unpublished: boolean;
  /** The party's positions in issue order: the first PARTY_PAGE_ROWS of them. */
  rows: { issue: TIssue; position: TShownPosition | null }[];
  issueCount: number;
  counts: { scored: number; unknown: number };
};

/** A party with its positions (bounded) and how many are scored; null when either does not exist. */
export function getPartyView(slug: string, partySlug: string, asOf: string | null = null): Promise<TPartyView | null> {
  return readSnapshot(async (db): Promise<TPartyView | null> => {
    const negotiation = await findNegotiation(db, slug);
    if (!negotiation) return null;
    const party = (await listParties(db, negotiation.id)).find((p) => p.slug === partySlug);
    if (!party) return null;
    const ids = (
      await db
        .selectFrom("Issue")
        .select("id")
        .where("negotiationId", "=", negotiation.id)
        .orderBy("sortOrder")
        .limit(PARTY_PAGE_ROWS)
        .execute()
    ).map((r) => r.id);
    const issues = await selectIssues(db, ids);
    const unpublished = isUnpublished(party, asOf);
    const grid = unpublished ? [] : await readCellGrid(db, { day: asOf, issues, parties: [party] });
    const counts = unpublished ? { scored: 0, unknown: 0 } : await countScored(db, party.id, asOf);
    return {
      negotiation: toInfo(negotiation),
      party: toParty(party),
      asOf,
      unpublished,
      rows: issues.map(({ id: _, ...issue }, index) => {
        const cell = grid[index]?.[0] ?? null;
        return { issue, position: cell && (({ sources: _s, versionId: _v, ...rest }) => rest)(cell) };
      }),
      issueCount: negotiation.issueCount,
      counts,
    };
  });
}

/** How many of a party's cells on a day are scored and how many unknown (every issue, not one page). */
async function countScored(db: TDb, partyId: number, day: string | null): Promise<{ scored: number; unknown: number }> {
  const row = await db
    .selectFrom(cellsOn(db, day))
    .innerJoin("PositionVersion as v", "v.id", "c.versionId")
    .select((eb) => [eb.fn.count<number>("v.score").as("scored"), eb.fn.countAll<number>().as("all")])
    .where("c.partyId", "=", partyId)
    .executeTakeFirstOrThrow();
  return { scored: Number(row.scored), unknown: Number(row.all) - Number(row.scored) };
}

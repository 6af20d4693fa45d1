import "server-only";
import { findImprovements, PACKAGE_WEIGHTS, scoreParty, type TImprovement, type TPackageItem, type TPartyScore } from "../analysis/package";
import { measureZone, type TZone, type TZoneLine } from "../analysis/zones";
import type { TDb } from "../db/connection";
import { readSnapshot } from "../db/transactions";
import type { TNegotiationInfo, TParty, TScore, TStep } from "../domain/words";
import { readParam, toUrlSearchParams, type TMatrixParams, type TRawSearchParams } from "../params/matrix-params";
import { readLines, type TRedLine } from "../redlines/read";
import { listParties, findNegotiation } from "./rows";
import { readScoreView } from "./score-view";

// Where a deal could land: the zones of possible agreement and a package scored against every
// party, read in one snapshot from the view's scores (lib/read/score-view.ts) and the red lines on
// the view's day. Both take the matrix's parameters (issues, parties, asOf, q) with their notices.

/** A party's red line in a zone, by slug, with its date and sources. */
export type TDealLine = TZoneLine & Omit<TRedLine, "issueId" | "partyId">;

type TDealBase = {
  negotiation: TNegotiationInfo & { dataVersion: string };
  params: TMatrixParams;
  notices: string[];
  issues: { slug: string; name: string; steps: TStep[] }[];
  parties: Pick<TParty, "slug" | "name" | "kind" | "date" | "sortOrder">[];
  /** Every party of the negotiation, for choosing. */
  allParties: Pick<TParty, "slug" | "name" | "kind">[];
  /** Whether the negotiation has any red line on record (on any day). */
  hasLines: boolean;
};

/** The zones of a view: one per issue shown, for the parties shown (by default the actors). */
export type TZonesView = TDealBase & { zones: TZone<TDealLine>[] };

/** Reads the scores and lines of a view; `defaultParties` chooses the parties when the URL names none. */
async function readDealBase(db: TDb, slug: string, raw: TRawSearchParams, defaultParties: "actors" | "all") {
  let query = raw;
  const negotiation = await findNegotiation(db, slug);
  if (!negotiation) return null;
  const allParties = (await listParties(db, negotiation.id)).map(({ slug, name, kind }) => ({ slug, name, kind }));
  if (defaultParties === "actors" && readParam(raw, "parties") === undefined) {
    const actors = allParties.filter((p) => p.kind === "actor").map((p) => p.slug);
    const search = toUrlSearchParams(raw);
    if (actors.length > 0) search.set("parties", actors.join(","));
    query = search;
  }
  const view = await readScoreView(db, slug, query);
  if (!view) return null;
  const lines = await readLines(
    db,
    view.rows.map((r) => r.id),
    view.partyIds,
    view.params.asOf,
  );
  const anyLine = await db
    .selectFrom("RedLine as r")
    .innerJoin("Party as p", "p.id", "r.partyId")
    .select("r.id")
    .where("p.negotiationId", "=", negotiation.id)
    .limit(1)
    .executeTakeFirst();
  const lineOf = (issueIndex: number, partyIndex: number): TDealLine | undefined => {
    const line = lines.get(`${view.rows[issueIndex]!.id}|${view.partyIds[partyIndex]!}`);
    if (!line) return undefined;
    const { issueId: _, partyId: __, ...rest } = line;
    return { party: view.parties[partyIndex]!.slug, ...rest };
  };
  const base: TDealBase = {
    negotiation: view.negotiation,
    params: view.params,
    notices: view.notices,
    issues: view.issues.map((issue, index) => ({ slug: issue.slug, name: issue.name, steps: view.rows[index]!.steps })),
    parties: view.parties,
    allParties,
    hasLines: anyLine !== undefined,
  };
  return { view, base, lineOf };
}

export async function readZonesView(db: TDb, slug: string, raw: TRawSearchParams): Promise<TZonesView | null> {
  const read = await readDealBase(db, slug, raw, "actors");
  if (!read) return null;
  const { view, base, lineOf } = read;
  const partySlugs = view.parties.map((p) => p.slug);
  const zones = view.issues.map((issue, i) => measureZone(issue.slug, partySlugs, (party) => lineOf(i, partySlugs.indexOf(party))));
  return { ...base, zones };
}

export function getZonesView(slug: string, raw: TRawSearchParams): Promise<TZonesView | null> {
  return readSnapshot((db) => readZonesView(db, slug, raw));
}

/** At most this many issues in a package: every swap of every issue is checked against every party. */
export const MAX_PACKAGE_ISSUES = 100;

/** A package view: the package as asked (with notices for what was ignored), each party's score, the swaps that help. */
export type TPackageView = TDealBase & {
  items: TPackageItem[];
  scores: TPartyScore[];
  improvements: TImprovement[];
  /** Each document's own package (its known scores), to start from in one click. */
  documentPackages: { party: string; items: TPackageItem[] }[];
  /** With `readings=range`: each party's closeness with its contested scores at the low and at the high end of their ranges. */
  atEnds: { low: (number | null)[]; high: (number | null)[] } | null;
  /** How many of the package's cells (its issues × the parties) are contested. */
  contested: number;
};

/** `steps=nato:0,donbas:-1` and `weights=donbas:2` against the view's issues; what cannot be read is left out with a notice. */
export function parsePackage(raw: TRawSearchParams, issues: readonly string[], notices: string[]): TPackageItem[] {
  // The builder's form sends one field per issue (`step-nato=0`, `weight-nato=2`); links send `steps=` and `weights=`.
  // A weight field counts only beside a chosen step.
  const fields = (prefix: string) =>
    issues.flatMap((issue) => {
      const value = readParam(raw, `${prefix}-${issue}`);
      if (prefix === "weight" && !readParam(raw, `step-${issue}`)) return [];
      return value === undefined || value === "" ? [] : [`${issue}:${value}`];
    });
  const entries = (key: "steps" | "weights") =>
    [readParam(raw, key) ?? "", ...fields(key === "steps" ? "step" : "weight")]
      .join(",")
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean)
      .map((e) => {
        const at = e.lastIndexOf(":");
        return at < 0 ? { text: e, issue: e, value: "" } : { text: e, issue: e.slice(0, at), value: e.slice(at + 1) };
      });
  const echo = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
  // At most 20 notices: a hostile URL gets a bounded answer.
  let ignored = 0;
  const ignore = (notice: string) => {
    if (ignored++ < 20) notices.push(notice);
  };
  const known = new Set(issues);
  const items: TPackageItem[] = [];
  for (const { text, issue, value } of entries("steps")) {
    const step = /^[+-]?[0-2]$/.test(value) ? Number(value) : NaN;
    if (!known.has(issue)) ignore(`Ignored step “${echo(text)}”: no issue of this view is called “${echo(issue)}”.`);
    else if (Number.isNaN(step)) ignore(`Ignored step “${echo(text)}”: a step is a whole number from −2 to +2.`);
    else if (items.some((i) => i.issue === issue)) ignore(`Ignored step “${echo(text)}”: the package already has a step for this issue.`);
    else if (items.length >= MAX_PACKAGE_ISSUES)
      ignore(`Ignored step “${echo(text)}”: a package has at most ${MAX_PACKAGE_ISSUES} issues.`);
    else items.push({ issue, step, weight: 1 });
  }
  for (const { text, issue, value } of entries("weights")) {
    const weight = Number(value);
    const item = items.find((i) => i.issue === issue);
    if (!item) ignore(`Ignored weight “${echo(text)}”: the package has no step for “${echo(issue)}”.`);
    else if (!(PACKAGE_WEIGHTS as readonly number[]).includes(weight)) ignore(`Ignored weight “${echo(text)}”: a weight is 0.5, 1 or 2.`);
    else item.weight = weight;
  }
  if (ignored > 20) notices.push(`… and ${ignored - 20} more entries of the package ignored.`);
  return items;
}

export async function readPackageView(db: TDb, slug: string, raw: TRawSearchParams): Promise<TPackageView | null> {
  const read = await readDealBase(db, slug, raw, "all");
  if (!read) return null;
  const { view, base, lineOf } = read;
  const issueSlugs = view.issues.map((i) => i.slug);
  // Scoring asks for a party's score and line issue by issue, many times over (every swap is scored): look each up once.
  const rowOf = new Map(issueSlugs.map((issue, index) => [issue, index]));
  const notices = [...base.notices];
  const items = parsePackage(raw, issueSlugs, notices);
  const partiesOf = (grid: TScore[][]) =>
    view.parties.map((p, k) => ({
      party: p.slug,
      scoreOf: (issue: string) => grid[rowOf.get(issue)!]?.[k] ?? null,
      lineOf: (issue: string) => lineOf(rowOf.get(issue)!, k),
    }));
  const parties = partiesOf(view.scores);
  const closenessAt = (grid: TScore[][]) => partiesOf(grid).map((p) => scoreParty(items, p).closeness);
  const contested = items.reduce((sum, item) => sum + view.contestedCells[rowOf.get(item.issue)!]!.filter(Boolean).length, 0);
  const documentPackages = view.parties.flatMap((p, k) =>
    p.kind !== "document"
      ? []
      : [
          {
            party: p.slug,
            items: issueSlugs.flatMap((issue, i) => (view.scores[i]![k] === null ? [] : [{ issue, step: view.scores[i]![k]!, weight: 1 }])),
          },
        ],
  );
  return {
    ...base,
    notices,
    items,
    scores: parties.map((p) => scoreParty(items, p)),
    atEnds: view.params.readings === "range" ? { low: closenessAt(view.ends.low), high: closenessAt(view.ends.high) } : null,
    contested,
    improvements: findImprovements(items, parties),
    documentPackages: documentPackages
      .filter((d) => d.items.length > 0)
      .map((d) => ({ ...d, items: d.items.slice(0, MAX_PACKAGE_ISSUES) })),
  };
}

export function getPackageView(slug: string, raw: TRawSearchParams): Promise<TPackageView | null> {
  return readSnapshot((db) => readPackageView(db, slug, raw));
}

/** A package as URL parameters: `steps=nato:0,donbas:-1` and the weights that are not 1. */
export function packageQuery(items: readonly TPackageItem[]): Record<string, string> {
  const query: Record<string, string> = {};
  if (items.length > 0) query.steps = items.map((i) => `${i.issue}:${i.step}`).join(",");
  const weighted = items.filter((i) => i.weight !== 1);
  if (weighted.length > 0) query.weights = weighted.map((i) => `${i.issue}:${i.weight}`).join(",");
  return query;
}

import "server-only";
import type { TSource } from "../cells/schema";
import type { TDb } from "../db/connection";
import { readSnapshot } from "../db/transactions";
import { compareDrafts, concerns, linksShown, type TComparisonRow, type TDraft, type TLineage, type TLink } from "../lineage/lineage";
import { readLineage } from "../lineage/read";
import { echo, parseMatrixParams, readParam, toKnownSlugs, type TMatrixParams, type TRawSearchParams } from "../params/matrix-params";
import { findNegotiation, listIssueOptions, listParties, type TNegotiationRow } from "./rows";

// Which point became which: the drafts a view compares (`from`, `to`: two or three), their points
// concerning the issues asked (`issues=`, the matrix's own parameter) and the links between them,
// on the view's day (`asOf=` leaves out drafts not yet published). Read in one snapshot.

export const MAX_LATER_DRAFTS = 2;

export type TLineageView = {
  negotiation: TNegotiationRow;
  params: TMatrixParams;
  notices: string[];
  /** Every issue of the negotiation (for the filter and the points' issue names). */
  issues: { slug: string; name: string }[];
  /** Every draft published by the view's day. */
  lineage: TLineage<TSource>;
  /** The drafts compared, earliest first (empty: the negotiation has no drafts on that day). */
  chosen: TDraft<TSource>[];
  rows: TComparisonRow<TSource>[];
  /** The links between the drafts compared, touching points concerning the issues shown. */
  links: TLink<TSource>[];
  /** What the exports hold: the drafts named by `from` and `to` (all when neither is given) with their points concerning the issues, and the links between them. */
  exported: { drafts: TDraft<TSource>[]; links: TLink<TSource>[] };
};

/**
 * `from` (one draft; default the first) and `to` (one or two, comma-separated or repeated; default
 * the last), against the drafts of the day; what cannot be used is left out with a notice.
 */
export function chooseDrafts(raw: TRawSearchParams, drafts: readonly TDraft[], asOf: string | null, notices: string[]): string[] {
  const known = drafts.map((d) => d.slug);
  const list = (key: string) =>
    (readParam(raw, key) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 10);
  const usable = (key: string) =>
    list(key).filter((slug) => {
      if (known.includes(slug)) return true;
      notices.push(
        asOf === null
          ? `Ignored unknown draft “${echo(slug)}”.`
          : `Ignored draft “${echo(slug)}”: there is no such draft, or it was not yet published on ${asOf}.`,
      );
      return false;
    });
  const from = usable("from");
  if (from.length > 1) notices.push(`Only one draft is compared from; “${from.slice(1).join("”, “")}” left out.`);
  let to = [...new Set(usable("to"))].filter((slug) => slug !== from[0]);
  if (to.length > MAX_LATER_DRAFTS) {
    notices.push(`At most three drafts are compared at once; “${to.slice(MAX_LATER_DRAFTS).join("”, “")}” left out.`);
    to = to.slice(0, MAX_LATER_DRAFTS);
  }
  const first = from[0] ?? known.find((slug) => !to.includes(slug));
  const later = to.length > 0 ? to : known.filter((slug) => slug !== first).slice(-1);
  // Earliest first, whatever the order asked.
  return [...new Set([first, ...later])].filter((s): s is string => s !== undefined).sort((a, b) => known.indexOf(a) - known.indexOf(b));
}

export async function readLineageView(db: TDb, slug: string, raw: TRawSearchParams): Promise<TLineageView | null> {
  const negotiation = await findNegotiation(db, slug);
  if (!negotiation) return null;
  const issues = await listIssueOptions(db, negotiation.id, 10_000);
  const parties = await listParties(db, negotiation.id);
  const { params, notices } = parseMatrixParams(raw, {
    issues: toKnownSlugs(issues.map((i) => i.slug)),
    parties: toKnownSlugs(parties.map((p) => p.slug)),
  });
  const lineage = await readLineage(db, negotiation.id, params.asOf);
  const slugs = chooseDrafts(raw, lineage.drafts, params.asOf, notices);
  const chosen = slugs.map((s) => lineage.drafts.find((d) => d.slug === s)!);
  const rows = chosen.length < 2 ? [] : compareDrafts(lineage, slugs, params.issues);
  const between = (drafts: readonly string[]) =>
    linksShown(lineage, params.issues).filter((l) => drafts.includes(l.fromDraft) && drafts.includes(l.toDraft));
  const asked = readParam(raw, "from") !== undefined || readParam(raw, "to") !== undefined;
  const exportedDrafts = (asked ? chosen : lineage.drafts).map((d) => ({
    ...d,
    points: d.points.filter((p) => concerns(p, params.issues)),
  }));
  return {
    negotiation,
    params,
    notices,
    issues,
    lineage,
    chosen,
    rows,
    links: between(slugs),
    exported: { drafts: exportedDrafts, links: between(exportedDrafts.map((d) => d.slug)) },
  };
}

export function getLineageView(slug: string, raw: TRawSearchParams): Promise<TLineageView | null> {
  return readSnapshot((db) => readLineageView(db, slug, raw));
}

/** A point's page: the point, its draft, and every link in and out (on the view's day). */
export type TPointView = {
  negotiation: TNegotiationRow;
  asOf: string | null;
  notices: string[];
  issues: { slug: string; name: string }[];
  draft: TDraft<TSource>;
  point: TDraft<TSource>["points"][number];
  drafts: TDraft<TSource>[];
  into: TLink<TSource>[];
  out: TLink<TSource>[];
  /** Every version of the point, oldest first: who recorded it, when and why (null: the dossier import). */
  history: { title: string; status: string; statusNote: string | null; recordedAt: string; author: string | null; reason: string | null }[];
};

export async function readPointView(
  db: TDb,
  slug: string,
  draftSlug: string,
  number: string,
  raw: TRawSearchParams,
): Promise<TPointView | null> {
  const negotiation = await findNegotiation(db, slug);
  if (!negotiation) return null;
  const { params, notices } = parseMatrixParams(raw, { issues: toKnownSlugs([]), parties: toKnownSlugs([]) });
  // A point's own page shows its draft whatever the day; the day only leaves out links to drafts not yet published.
  const lineage = await readLineage(db, negotiation.id, null);
  const draft = lineage.drafts.find((d) => d.slug === draftSlug);
  // A number with spaces or parentheses ("20pt-Dec (a)") may reach the page still percent-encoded.
  const decoded = (() => {
    try {
      return decodeURIComponent(number);
    } catch {
      return number;
    }
  })();
  const point = draft?.points.find((p) => p.number === number) ?? draft?.points.find((p) => p.number === decoded);
  if (!draft || !point) return null;
  const published = (d: string) => params.asOf === null || lineage.drafts.find((x) => x.slug === d)!.publishedOn <= params.asOf;
  const issues = await listIssueOptions(db, negotiation.id, 10_000);
  const history = await db
    .selectFrom("DraftPointVersion as v")
    .innerJoin("DraftPoint as p", "p.id", "v.pointId")
    .innerJoin("Draft as d", "d.id", "p.draftId")
    .leftJoin("User as u", "u.id", "v.authorId")
    .select(["v.title", "v.status", "v.statusNote", "v.recordedAt", "v.reason", "u.name as author"])
    .where("d.negotiationId", "=", negotiation.id)
    .where("d.slug", "=", draft.slug)
    .where("p.number", "=", point.number)
    .orderBy("v.id")
    .limit(1000)
    .execute();
  return {
    negotiation,
    asOf: params.asOf,
    history,
    notices,
    issues,
    draft,
    point,
    drafts: lineage.drafts,
    into: lineage.links.filter((l) => l.toDraft === draftSlug && l.toPoint === number && published(l.fromDraft)),
    out: lineage.links.filter((l) => l.fromDraft === draftSlug && l.fromPoint === number && published(l.toDraft)),
  };
}

export function getPointView(slug: string, draft: string, number: string, raw: TRawSearchParams): Promise<TPointView | null> {
  return readSnapshot((db) => readPointView(db, slug, draft, number, raw));
}

/** The `from` and `to` a view used, for the permalink and the filters of its exports (none when the URL named neither). */
export function lineageFilters(view: Pick<TLineageView, "chosen">, raw: TRawSearchParams): Record<string, string> {
  if (readParam(raw, "from") === undefined && readParam(raw, "to") === undefined) return {};
  const [first, ...later] = view.chosen;
  return first ? { from: first.slug, to: later.map((d) => d.slug).join(",") } : {};
}

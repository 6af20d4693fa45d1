import "server-only";
import { byGap, compareParties, type TComparison } from "../compare";
import { parseCompareParams, type TCompareParams } from "../compare-params";
import type { TParty } from "../domain";
import { assembleMatrix, type TNegotiationInfo } from "../matrix";
import type { TMatrixParams, TRawSearchParams } from "../matrix-params";
import { getDatabase } from "../db";
import { selectCells, selectIssues, selectRowIds } from "./matrix-sql";
import { readViewBase, toInfo, toParty } from "./matrix-view";
import { isUnpublished } from "./as-of";
import { formatDate, formatDateText } from "../format";

export type TCompareView = {
  negotiation: TNegotiationInfo;
  parties: TParty[];
  comparison: TComparison | null;
  params: TCompareParams;
  /** The matrix's filters the comparison honours (`issues`, `q`, `anchors`; `parties` scopes the search), for links that keep them. */
  filters: TMatrixParams;
  notices: string[];
};

/**
 * The compare view from a URL, shared by the page and its CSV: the matrix's `issues`, `q` and
 * `anchors` through the matrix's parser (with its notices), the pair and the view's own settings
 * through the compare parser. Null only when the negotiation does not exist.
 */
export function getCompareView(slug: string, raw: TRawSearchParams): TCompareView | null {
  const db = getDatabase();
  return db.transaction((): TCompareView | null => {
    const base = readViewBase(db, slug, raw);
    if (!base) return null;
    const { negotiation, parties } = base;
    const params = parseCompareParams(
      raw,
      parties.map((p) => p.slug),
    );
    const a = parties.find((p) => p.slug === params.a);
    const b = parties.find((p) => p.slug === params.b);
    const info = toInfo(negotiation);
    const filters = { ...base.params, sort: "order" as const, page: 1, density: "compact" as const };
    const result = { negotiation: info, parties: parties.map(toParty), params, filters, notices: base.notices };
    if (!a || !b) return { ...result, comparison: null };
    const unpublished = [a, b].filter((p) => isUnpublished(p, base.params.asOf));
    if (unpublished.length > 0) {
      const problems = [
        ...new Set(
          unpublished.map((p) => `${p.name} was not yet published on ${formatDate(base.params.asOf!)} (${formatDateText(p.date)}).`),
        ),
      ];
      return { ...result, params: { ...params, problems }, comparison: null };
    }
    // The same rows as the matrix and charts of these filters: the search looks in the shown parties' cells.
    const rowIds = selectRowIds(base.db, { ...base.filter, sort: "order" });
    const issues = selectIssues(base.db, rowIds);
    const rows = issues.map(({ id: _, ...issue }) => issue);
    const matrix = assembleMatrix(info, rows, [toParty(a), toParty(b)], selectCells(base.db, issues, [a, b]));
    const comparison = compareParties(matrix);
    const ordered = params.order === "gap" ? byGap(comparison.rows) : comparison.rows;
    const shown = params.differencesOnly ? ordered.filter((r) => r.kind === "different") : ordered;
    return { ...result, comparison: { ...comparison, rows: shown } };
  })();
}

import "server-only";
import { byGap, compareParties, type TComparison } from "../analysis/compare";
import { assembleMatrix } from "../analysis/matrix";
import { readCellGrid } from "../cells/read";
import { readSnapshot } from "../db/transactions";
import { isUnpublished } from "../domain/dates";
import { formatDate, formatDateText } from "../domain/format";
import type { TNegotiationInfo, TParty } from "../domain/words";
import { parseCompareParams, type TCompareParams } from "../params/compare-params";
import type { TMatrixParams, TRawSearchParams } from "../params/matrix-params";
import { readViewBase, toInfo, toParty } from "./matrix-view";
import { selectIssues, selectRowIds } from "./rows";

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
 * through the compare parser, in one read snapshot. Null only when the negotiation does not exist.
 */
export function getCompareView(slug: string, raw: TRawSearchParams): Promise<TCompareView | null> {
  return readSnapshot(async (db): Promise<TCompareView | null> => {
    const base = await readViewBase(db, slug, raw);
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
    const rowIds = await selectRowIds(db, { ...base.filter, sort: "order" });
    const issues = await selectIssues(db, rowIds);
    const grid = await readCellGrid(db, { day: base.params.asOf, issues, parties: [a, b] });
    const matrix = assembleMatrix(
      info,
      issues.map(({ id: _, ...issue }) => issue),
      [toParty(a), toParty(b)],
      grid,
    );
    const comparison = compareParties(matrix);
    const ordered = params.order === "gap" ? byGap(comparison.rows) : comparison.rows;
    const shown = params.differencesOnly ? ordered.filter((r) => r.kind === "different") : ordered;
    return { ...result, comparison: { ...comparison, rows: shown } };
  });
}

import "server-only";
import { measureGrid, type TMeasuredGrid } from "../analytics";
import type { TDivergence } from "../divergence";
import type { TNegotiationInfo } from "../matrix";
import type { TMatrixParams, TRawSearchParams } from "../matrix-params";
import { getDatabase } from "../db";
import { selectIssues, selectRowIds, selectScores } from "./matrix-sql";
import { getMatrixView, readViewBase, toInfo, toParty, type TAnchors, type TMatrixView } from "./matrix-view";

// Views over every row a URL selects, not one page: the scores behind the metrics and charts.

/** Every row a URL selects (not just one page) as a grid of scores, with the view's anchors and notices. */
export type TScoreView = TMeasuredGrid & {
  negotiation: TNegotiationInfo & { dataVersion: string };
  params: TMatrixParams;
  notices: string[];
  anchors: TAnchors;
};

/** Reads the scores of every row a view selects, for metrics over the whole view, in one read transaction. */
export function getScoreView(slug: string, raw: TRawSearchParams): TScoreView | null {
  const db = getDatabase();
  return db.transaction((): TScoreView | null => {
    const base = readViewBase(db, slug, raw);
    if (!base) return null;
    const rowIds = selectRowIds(base.db, base.filter);
    const rowIndex = new Map(rowIds.map((id, index) => [id, index]));
    const columnIndex = new Map(base.shownParties.map((p, index) => [p.id, index]));
    const scores = rowIds.map(() => base.shownParties.map((): number | null => null));
    for (const [issueId, partyId, score] of selectScores(base.db, rowIds, base.shownParties)) {
      scores[rowIndex.get(issueId)!]![columnIndex.get(partyId)!] = score;
    }
    const measured = new Set(base.measuredParties.map((p) => p.id));
    return {
      negotiation: { ...toInfo(base.negotiation), dataVersion: base.negotiation.dataVersion },
      params: base.params,
      notices: base.notices,
      anchors: base.anchors,
      issues: selectIssues(base.db, rowIds).map(({ slug, name, lowLabel, highLabel }) => ({ slug, name, lowLabel, highLabel })),
      parties: base.shownParties.map(toParty),
      scores,
      measured: base.shownParties.map((p) => measured.has(p.id)),
    };
  })();
}

/**
 * What a charts view reads: the current page's matrix and the scores of every row, in one read
 * transaction (the inner ones become savepoints), so both show the same state of the dossier.
 */
export function getChartsView(slug: string, raw: TRawSearchParams): { view: TMatrixView; scores: TScoreView } | null {
  return getDatabase().transaction(() => {
    const view = getMatrixView(slug, raw);
    const scores = getScoreView(slug, raw);
    return view && scores && { view, scores };
  })();
}

/** The divergence metrics of every row a URL selects (not just one page), with the URL's notices. */
export function getDivergenceView(
  slug: string,
  raw: TRawSearchParams,
): (TDivergence & Pick<TScoreView, "negotiation" | "params" | "notices" | "anchors">) | null {
  const view = getScoreView(slug, raw);
  return view && { ...measureGrid(view), negotiation: view.negotiation, params: view.params, notices: view.notices, anchors: view.anchors };
}

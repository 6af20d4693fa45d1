import "server-only";
import { measureGrid, type TMeasuredGrid } from "../analysis/analytics";
import type { TDivergence } from "../analysis/divergence";
import { readScores } from "../cells/read";
import { atEnd } from "../cells/readings";
import { changedFigures, figuresAtEnds, type TEndGrids } from "../analysis/ranges";
import type { TDivergenceJson } from "../formats/json";
import type { TDb } from "../db/connection";
import { readSnapshot } from "../db/transactions";
import type { TNegotiationInfo, TStep } from "../domain/words";
import type { TMatrixParams, TRawSearchParams } from "../params/matrix-params";
import { readMatrixView, readViewBase, toInfo, toParty, type TAnchors, type TMatrixView } from "./matrix-view";
import { selectIssues, selectRowIds } from "./rows";

// Views over every row a URL selects, not one page: the scores behind the metrics and charts.

/** Every row a URL selects (not just one page) as a grid of scores, with the view's anchors and notices. */
export type TScoreView = TMeasuredGrid & {
  negotiation: TNegotiationInfo & { dataVersion: string };
  params: TMatrixParams;
  notices: string[];
  anchors: TAnchors;
  /** Each issue's database id and the words of its scale's steps, parallel to `issues`. */
  rows: { id: number; steps: TStep[] }[];
  /** Each shown party's database id, parallel to `parties`. */
  partyIds: number[];
  /** The scores at the low and the high end of each contested cell's range (every other cell at its score). */
  ends: TEndGrids;
  /** Whether each cell's readings disagree, parallel to `scores`. */
  contestedCells: boolean[][];
  /** How many cells the metrics use (those with a version), and how many of them are contested. */
  cells: { used: number; contested: number };
};

/** The scores of every row a view selects, in the caller's snapshot; null when the negotiation does not exist. */
export async function readScoreView(db: TDb, slug: string, raw: TRawSearchParams): Promise<TScoreView | null> {
  const base = await readViewBase(db, slug, raw);
  if (!base) return null;
  const rowIds = await selectRowIds(db, base.filter);
  const rowIndex = new Map(rowIds.map((id, index) => [id, index]));
  const columnIndex = new Map(base.shownParties.map((p, index) => [p.id, index]));
  const empty = () => rowIds.map(() => base.shownParties.map((): number | null => null));
  const [scores, low, high] = [empty(), empty(), empty()];
  const contestedCells = rowIds.map(() => base.shownParties.map(() => false));
  const read = await readScores(
    db,
    base.params.asOf,
    rowIds,
    base.shownParties.map((p) => p.id),
  );
  for (const cell of read) {
    const [i, p] = [rowIndex.get(cell.issueId)!, columnIndex.get(cell.partyId)!];
    scores[i]![p] = cell.score;
    low[i]![p] = atEnd(cell.score, cell.contested, cell.range, "low");
    high[i]![p] = atEnd(cell.score, cell.contested, cell.range, "high");
    contestedCells[i]![p] = cell.contested;
  }
  const measured = new Set(base.measuredParties.map((p) => p.id));
  const issueRows = await selectIssues(db, rowIds);
  return {
    negotiation: { ...toInfo(base.negotiation), dataVersion: base.negotiation.dataVersion },
    params: base.params,
    notices: base.notices,
    anchors: base.anchors,
    issues: issueRows.map(({ slug, name, lowLabel, highLabel }) => ({ slug, name, lowLabel, highLabel })),
    rows: issueRows.map(({ id, steps }) => ({ id, steps })),
    partyIds: base.shownParties.map((p) => p.id),
    parties: base.shownParties.map(toParty),
    scores,
    ends: { low, high },
    contestedCells,
    cells: { used: read.length, contested: read.filter((c) => c.contested).length },
    measured: base.shownParties.map((p) => measured.has(p.id)),
  };
}

/** The scores of every row a URL selects, in one read snapshot. */
export function getScoreView(slug: string, raw: TRawSearchParams): Promise<TScoreView | null> {
  return readSnapshot((db) => readScoreView(db, slug, raw));
}

/**
 * What a charts view reads: the current page's matrix and the scores of every row, in one read
 * snapshot, so both show the same state of the dossier.
 */
export function getChartsView(slug: string, raw: TRawSearchParams): Promise<{ view: TMatrixView; scores: TScoreView } | null> {
  return readSnapshot(async (db) => {
    const view = await readMatrixView(db, slug, raw);
    const scores = view && (await readScoreView(db, slug, raw));
    return view && scores && { view, scores };
  });
}

/** What the metrics of a view say of its readings: the mode, the cells used and contested, and with `readings=range` the figures that change. */
export function readingsOfView(view: TScoreView): TDivergenceJson["readings"] {
  const { mode, cells } = { mode: view.params.readings, cells: view.cells };
  return {
    mode,
    cellsUsed: cells.used,
    contested: cells.contested,
    changed: mode === "range" ? changedFigures(figuresAtEnds(view, view.ends)) : null,
  };
}

/** The divergence metrics of every row a URL selects (not just one page), with the URL's notices. */
export async function getDivergenceView(
  slug: string,
  raw: TRawSearchParams,
): Promise<
  (TDivergence & Pick<TScoreView, "negotiation" | "params" | "notices" | "anchors"> & { readings: TDivergenceJson["readings"] }) | null
> {
  const view = await getScoreView(slug, raw);
  return (
    view && {
      ...measureGrid(view),
      negotiation: view.negotiation,
      params: view.params,
      notices: view.notices,
      anchors: view.anchors,
      readings: readingsOfView(view),
    }
  );
}

import "server-only";

import { measureIssue } from "../analysis/divergence";
import type { TMatrix } from "../analysis/matrix";
import { cellsOn } from "../cells/current";
import { readCellGrid, storedRange, toEvidence } from "../cells/read";
import { citationsOf, type TSourceCache } from "../cells/sources";
import { computedConfidence } from "../cells/confidence";
import { CELL_CONTENT_KEYS } from "../cells/schema";
import type { TDb } from "../db/connection";

import { openSnapshot } from "../db/transactions";
import { LONG_COLUMNS, toWideHeader, writeCsvHeader, writeCsvRows, yesNo, type TCsvCell } from "../formats/csv";
import { toIssueJson, toMatrixJsonHead, toMetaJson, toPositionJson } from "../formats/json";
import type { TNegotiationInfo } from "../domain/words";
import type { TRawSearchParams } from "../params/matrix-params";
import { readMatrix, readViewBase, type TViewBase } from "./matrix-view";
import { selectIssues, selectRowIds, viewGrid } from "./rows";

export type TExportFormat = "wide" | "long" | "json";

/** Rows are read and written about this many cells at a time, so memory stays flat as a dossier grows. */
const CHUNK_CELLS = 2000;

/**
 * The long layout of some rows as one query, in the view's order (rows, then columns), the
 * citation lines (formatted at write time) joined in SQL: so an export costs little more than the
 * query itself. `npm run bench` runs the same query through the engine's own command-line client.
 */
export function longCsvQuery(db: TDb, base: TViewBase, rowIds: readonly number[]) {
  return viewGrid(
    db,
    rowIds,
    base.shownParties.map((p) => p.id),
  )
    .leftJoin(cellsOn(db, base.params.asOf), (join) => join.onRef("c.issueId", "=", "i.id").onRef("c.partyId", "=", "pa.id"))
    .leftJoin("PositionVersion as v", "v.id", "c.versionId")
    .select(["i.slug as issue", "i.name as issueName", "pa.slug as party", "pa.name as partyName"])
    .select(CELL_CONTENT_KEYS.map((key) => `v.${key}` as const))
    .select(["v.originals", "v.agreement", "v.contested", "v.scoreMin", "v.scoreMax"])
    .select([
      citationsOf("PositionVersionSource", "versionId").as("sources"),
      citationsOf("PositionVersionSource", "versionId", "url").as("sourceUrls"),
    ])
    .orderBy("r.key")
    .orderBy("k.key");
}

/** The chunks of a view's rows: about CHUNK_CELLS cells each. */
function toChunks(rowIds: readonly number[], partyCount: number): number[][] {
  const step = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, partyCount)));
  return Array.from({ length: Math.ceil(rowIds.length / step) }, (_, index) => rowIds.slice(index * step, (index + 1) * step));
}

async function* writeCsvPieces(db: TDb, base: TViewBase, layout: "wide" | "long", rowIds: readonly number[]): AsyncGenerator<string> {
  yield writeCsvHeader(layout === "long" ? LONG_COLUMNS : toWideHeader(base.shownParties));
  const parties = Math.max(1, base.shownParties.length);
  const score = LONG_COLUMNS.indexOf("score");
  const summary = LONG_COLUMNS.indexOf("summary");
  let cells: TCsvCell[][] = [];
  const write = () => {
    const records: TCsvCell[][] = [];
    if (layout === "long") records.push(...cells);
    else
      for (let start = 0; start < cells.length; start += parties) {
        const row = cells.slice(start, start + parties);
        records.push([row[0]![0]!, ...row.flatMap((cell) => [cell[score]!, cell[summary]!])]);
      }
    cells = [];
    return writeCsvRows(records);
  };
  // One query over every row, read through a cursor (PostgreSQL) or an iterator (SQLite) a few
  // thousand cells at a time and written out in pieces of whole rows: flat memory, one plan.
  for await (const row of longCsvQuery(db, base, rowIds).stream(CHUNK_CELLS)) {
    const range = storedRange(row.score, row.scoreMin, row.scoreMax);
    cells.push([
      row.issue,
      row.issueName,
      row.party,
      row.partyName,
      ...CELL_CONTENT_KEYS.map((key) => row[key]),
      computedConfidence(toEvidence(row.originals, row.agreement)),
      // No version (an empty cell): no readings at all.
      row.contested === null ? null : yesNo(row.contested === 1),
      range?.min ?? null,
      range?.max ?? null,
      row.sources,
      row.sourceUrls,
    ]);
    if (cells.length >= CHUNK_CELLS && cells.length % parties === 0) yield write();
  }
  if (cells.length > 0) yield write();
}

async function* writeJsonPieces(db: TDb, base: TViewBase, head: string, chunks: number[][]): AsyncGenerator<string> {
  // Positions stream before issues, so each issue's divergence is known once its cells are written.
  yield `${head.slice(0, -1)},"positions":[`;
  const cache: TSourceCache = new Map();
  const measured = new Set(base.measuredParties.map((p) => p.id));
  const issuesJson: string[] = [];
  let separator = "";
  for (const chunk of chunks) {
    const issues = await selectIssues(db, chunk);
    const grid = await readCellGrid(db, { day: base.params.asOf, issues, parties: base.shownParties, q: base.filter.q, cache });
    const positions = grid.flatMap((row) => row.flatMap((cell) => (cell ? [JSON.stringify(toPositionJson(cell))] : [])));
    if (positions.length > 0) {
      yield separator + positions.join(",");
      separator = ",";
    }
    issues.forEach(({ id: _, ...issue }, index) => {
      // An issue's metrics count the measured columns only (the scale's anchors are left out unless included).
      const scores = base.shownParties.flatMap((party, column) => (measured.has(party.id) ? [grid[index]![column]?.score ?? null] : []));
      issuesJson.push(JSON.stringify(toIssueJson({ issue, cells: [], divergence: measureIssue(scores) })));
    });
  }
  yield `],"issues":[${issuesJson.join(",")}]}`;
}

/** The pieces of a view's export, read with `db` (the caller's snapshot): every row the URL selects, as CSV (wide or long) or JSON. */
export async function exportPieces(
  db: TDb,
  base: TViewBase,
  format: TExportFormat,
  origin: string,
): Promise<{ head: TMatrix; pieces: AsyncGenerator<string> }> {
  const rowIds = await selectRowIds(db, base.filter);
  const chunks = toChunks(rowIds, base.shownParties.length);
  const head = await readMatrix(db, base, []);
  const pieces =
    format === "json"
      ? writeJsonPieces(
          db,
          base,
          JSON.stringify(toMatrixJsonHead(head, base.notices, toMetaJson(origin, base.negotiation, base.params, "matrix"))),
          chunks,
        )
      : writeCsvPieces(db, base, format, rowIds);
  return { head, pieces };
}

/** A stream read from one snapshot: its pieces, and `close`, which ends the snapshot (also called when the pieces end). */
export type TViewStream<T> = { pieces: AsyncGenerator<T>; close: () => Promise<void> };

/**
 * A stream read from one snapshot of a view: a connection of its own, one read-only transaction, so
 * it sees one consistent state however long the client takes, and a re-import meanwhile neither
 * blocks nor tears it. `build` reads what it needs from the view and returns its pieces; the
 * snapshot ends when they are read to the end or `close` is called. Null when the negotiation does not exist.
 */
export async function openViewStream<T, R extends { pieces: AsyncIterable<T> }>(
  slug: string,
  raw: TRawSearchParams,
  build: (db: TDb, base: TViewBase) => Promise<R>,
): Promise<(Omit<R, "pieces"> & TViewStream<T>) | null> {
  const snapshot = await openSnapshot();
  try {
    const base = await readViewBase(snapshot.db, slug, raw);
    if (!base) {
      await snapshot.close();
      return null;
    }
    // Built, and its first two pieces read (the head and the first rows: the first queries run), before the
    // response starts, so that a broken database fails as a plain error, not as a cut-off body.
    const built = await build(snapshot.db, base);
    const iterator = built.pieces[Symbol.asyncIterator]();
    const primed: T[] = [];
    for (let i = 0; i < 2; i++) {
      const next = await iterator.next();
      if (next.done) break;
      primed.push(next.value);
    }
    async function* pieces(): AsyncGenerator<T> {
      try {
        yield* primed;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      } finally {
        await iterator.return?.();
        await snapshot.close();
      }
    }
    return { ...built, pieces: pieces(), close: snapshot.close };
  } catch (error) {
    await snapshot.close();
    throw error;
  }
}

export type TMatrixExport = { negotiation: TNegotiationInfo; asOf: string | null } & TViewStream<string>;

/** Every row a URL selects (not one page), as CSV or JSON pieces to stream from one snapshot. */
export function openMatrixExport(
  slug: string,
  raw: TRawSearchParams,
  format: TExportFormat,
  origin: string,
): Promise<TMatrixExport | null> {
  return openViewStream(slug, raw, async (db, base) => {
    const { head, pieces } = await exportPieces(db, base, format, origin);
    return { negotiation: head.negotiation, asOf: base.params.asOf, pieces };
  });
}

import "server-only";
import type Database from "better-sqlite3";
import { LONG_COLUMNS, toWideHeader, writeCsvHeader, writeCsvRows, type TCsvCell } from "../csv";
import { openDatabase } from "../db";
import { measureIssue } from "../divergence";
import { toIssueJson, toMatrixJsonHead, toMetaJson } from "../json-formats";
import type { TMatrix, TNegotiationInfo } from "../matrix";
import type { TRawSearchParams } from "../matrix-params";
import type { TReader } from "./as-of";
import { selectIssues, selectRowIds, type TPartyRow } from "./matrix-sql";
import { readMatrix, readViewBase, type TViewBase } from "./matrix-view";

export type TExportFormat = "wide" | "long" | "json";

/** Rows are read and written about this many cells at a time, so memory stays flat as a dossier grows. */
const CHUNK_CELLS = 2000;

// Exports read cells straight into their output form: SQLite joins the citation lines (formatted at
// write time) and builds each position's JSON, so a 100,000-cell export costs little more than the
// query itself. Rows come in the view's order (r.key), cells in column order (c.key).
const CELLS_FROM = `FROM json_each(?) r JOIN "Issue" i ON i."id" = r.value
  JOIN json_each(?) c JOIN "Party" pa ON pa."id" = c.value`;
const CITED = `FROM "PositionSource" ps JOIN "Source" s ON s."id" = ps."sourceId" WHERE ps."positionId" = p."id" ORDER BY ps."sortOrder"`;

/** One row per issue × party: the long layout's columns in order, then the row's position in the chunk. */
export const LONG_CSV_SQL = `SELECT i."slug", i."name", pa."slug", pa."name", p."score", p."status", p."confidence", p."asOf", p."label", p."summary", p."quote", p."notes",
  (SELECT group_concat(x."citation", ' | ') FROM (SELECT s."citation" ${CITED}) x),
  (SELECT group_concat(x."url", ' ') FROM (SELECT s."url" ${CITED}) x),
  r.key
  ${CELLS_FROM} LEFT JOIN "Position" p ON p."issueId" = i."id" AND p."partyId" = pa."id"
  ORDER BY r.key, c.key`;

/**
 * One row per existing cell: its row's position in the chunk, its score, the position as JSON
 * (`ZPositionJson`), its column. With a search, each position says whether it matches (`@q`).
 */
const positionJsonSql = (withMatch: boolean) => `SELECT r.key, p."score", json_object(
    'issue', i."slug", 'party', pa."slug", 'label', p."label", 'summary', p."summary", 'score', p."score", 'status', p."status",
    'confidence', p."confidence", 'asOf', p."asOf", 'quote', p."quote", 'notes', p."notes",
    'sources', (SELECT json_group_array(json_object('title', s."title", 'publisher', s."publisher", 'url', s."url",
      'publishedAt', s."publishedAt", 'isDateApproximate', json(iif(s."isDateApproximate", 'true', 'false')), 'note', s."note",
      'kind', s."kind", 'relays', s."relays", 'kindNote', s."kindNote", 'flags', json(s."flags"))) FROM (SELECT s.* ${CITED}) s)
    ${withMatch ? `, 'match', json(iif(instr(p."searchText", @q) > 0, 'true', 'false'))` : ""})
  , c.key ${CELLS_FROM} JOIN "Position" p ON p."issueId" = i."id" AND p."partyId" = pa."id"
  ORDER BY r.key, c.key`;
export const POSITION_JSON_SQL = positionJsonSql(false);

type TLongRow = [...TCsvCell[]];
type TJsonRow = [row: number, score: number | null, json: string, column: number];

function* writeCsvPieces(
  statement: Database.Statement,
  layout: "wide" | "long",
  parties: TPartyRow[],
  chunks: number[][],
): Generator<string> {
  yield writeCsvHeader(layout === "long" ? LONG_COLUMNS : toWideHeader(parties));
  const partyIds = JSON.stringify(parties.map((p) => p.id));
  for (const chunk of chunks) {
    const rows = statement.all(JSON.stringify(chunk), partyIds) as TLongRow[];
    if (layout === "long") {
      yield writeCsvRows(rows.map((row) => row.slice(0, LONG_COLUMNS.length)));
      continue;
    }
    const records: TCsvCell[][] = [];
    for (let start = 0; start < rows.length; start += parties.length) {
      const cells = rows.slice(start, start + parties.length);
      records.push([cells[0]![0]!, ...cells.flatMap((cell) => [cell[4]!, cell[9]!])]);
    }
    yield writeCsvRows(records);
  }
}

function* writeJsonPieces(
  db: TReader,
  statement: Database.Statement,
  head: string,
  parties: TPartyRow[],
  measured: boolean[],
  chunks: number[][],
  q: string,
): Generator<string> {
  // Positions stream before issues, so each issue's divergence is known once its cells are written.
  yield `${head.slice(0, -1)},"positions":[`;
  const partyIds = JSON.stringify(parties.map((p) => p.id));
  const issues: string[] = [];
  let separator = "";
  for (const chunk of chunks) {
    const rows = (q ? statement.all({ q }, JSON.stringify(chunk), partyIds) : statement.all(JSON.stringify(chunk), partyIds)) as TJsonRow[];
    const scores = chunk.map(() => [] as (number | null)[]);
    // An issue's metrics count the measured columns only (the scale's anchors are left out unless included).
    for (const [row, score, , column] of rows) if (measured[column]) scores[row]!.push(score);
    if (rows.length > 0) yield separator + rows.map((row) => row[2]).join(",");
    if (rows.length > 0) separator = ",";
    selectIssues(db, chunk).forEach(({ id: _, ...issue }, index) => {
      issues.push(JSON.stringify(toIssueJson({ issue, cells: [], divergence: measureIssue(scores[index]!) })));
    });
  }
  yield `],"issues":[${issues.join(",")}]}`;
}

export type TMatrixExport = { negotiation: TNegotiationInfo; asOf: string | null; pieces: Iterator<string>; close: () => void };

/**
 * The pieces of a view's export, read inside the caller's read transaction (from `readViewBase`):
 * every row the URL selects, as CSV (wide or long) or JSON.
 */
export function exportPieces(base: TViewBase, format: TExportFormat, origin: string): { head: TMatrix; pieces: Generator<string> } {
  const rowIds = selectRowIds(base.db, base.filter);
  const step = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, base.shownParties.length)));
  const chunks = Array.from({ length: Math.ceil(rowIds.length / step) }, (_, index) => rowIds.slice(index * step, (index + 1) * step));
  const head = readMatrix(base, []);
  // Prepared before the response starts, so a broken database fails as a plain error, not a cut-off body.
  const statement = base.db.prepare(format === "json" ? positionJsonSql(base.filter.q !== "") : LONG_CSV_SQL).raw();
  const pieces =
    format === "json"
      ? writeJsonPieces(
          base.db,
          statement,
          JSON.stringify(toMatrixJsonHead(head, base.notices, toMetaJson(origin, base.negotiation, base.params, ""))),
          base.shownParties,
          base.shownParties.map((p) => base.measuredParties.includes(p)),
          chunks,
          base.filter.q,
        )
      : writeCsvPieces(statement, format, base.shownParties, chunks);
  return { head, pieces };
}

/**
 * A stream read from one snapshot of a view: a read-only connection of its own, one read
 * transaction, so it sees one consistent state however long the client takes, and a re-import
 * meanwhile neither blocks nor tears it. `build` reads what it needs from the view and returns its
 * pieces; the connection closes when they are read to the end or `close` is called. Null when the
 * negotiation does not exist.
 */
export function openViewStream<T, R extends { pieces: Iterable<T> }>(
  slug: string,
  raw: TRawSearchParams,
  build: (base: TViewBase) => R,
): (Omit<R, "pieces"> & { pieces: Iterator<T>; close: () => void }) | null {
  const db = openDatabase({ readonly: true });
  let isOpen = true;
  const close = () => {
    if (!isOpen) return;
    isOpen = false;
    db.close(); // ends the read transaction
  };
  try {
    db.exec("BEGIN");
    const base = readViewBase(db, slug, raw);
    if (!base) {
      close();
      return null;
    }
    const built = build(base);
    function* pieces(): Generator<T> {
      try {
        yield* built.pieces;
      } finally {
        close();
      }
    }
    return { ...built, pieces: pieces(), close };
  } catch (error) {
    close();
    throw error;
  }
}

/** Every row a URL selects (not one page), as CSV or JSON pieces to stream from one snapshot (`openViewStream`). */
export function openMatrixExport(slug: string, raw: TRawSearchParams, format: TExportFormat, origin: string): TMatrixExport | null {
  return openViewStream(slug, raw, (base) => {
    const { head, pieces } = exportPieces(base, format, origin);
    return { negotiation: head.negotiation, asOf: base.params.asOf, pieces };
  });
}

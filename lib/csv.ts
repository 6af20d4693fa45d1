import { stringify } from "csv-stringify/sync";
import { formatSourceLine } from "./format";
import type { TComparison } from "./compare";
import type { TMatrix } from "./matrix";

export const CSV_LAYOUTS = ["wide", "long"] as const;
export type TCsvLayout = (typeof CSV_LAYOUTS)[number];

type TCell = string | number | null;

// OWASP CSV injection: a text cell starting with one of these may run as a formula in a spreadsheet.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Prefixes a text cell that a spreadsheet would read as a formula with an apostrophe; other text is unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 text for a header and rows: CRLF line ends, quotes only where needed, doubled quotes,
 * a UTF-8 BOM for spreadsheets. Numbers are written as numbers; text is formula-neutralised; null is empty.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly TCell[])[]): string {
  const records = [header.map(neutraliseFormula), ...rows.map((row) => row.map(toCsvField))];
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR.
  return stringify(records, { bom: true, record_delimiter: "windows", quoted_match: /[\r\n]/ });
}

function toCsvField(cell: TCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  return neutraliseFormula(cell);
}

/** Wide layout: one row per issue; `issue`, then `<party>_score` and `<party>_position` per shown party. */
export function toWideCsv(matrix: TMatrix): string {
  const header = ["issue", ...matrix.parties.flatMap((p) => [`${p.slug}_score`, `${p.slug}_position`])];
  const rows = matrix.rows.map((row) => [
    row.issue.slug,
    ...row.cells.flatMap((cell) => [cell?.score ?? null, cell?.summary ?? null]),
  ]);
  return writeCsv(header, rows);
}

export const LONG_COLUMNS = [
  "issue", "issue_name", "party", "party_name", "score", "status", "confidence", "as_of",
  "summary", "quote", "notes", "sources", "source_urls",
] as const;

/** Long layout: one row per shown cell, in the screen's row and column order. */
export function toLongCsv(matrix: TMatrix): string {
  const rows = matrix.rows.flatMap((row) =>
    matrix.parties.map((party, index) => {
      const cell = row.cells[index] ?? null;
      return [
        row.issue.slug,
        row.issue.name,
        party.slug,
        party.name,
        cell?.score ?? null,
        cell?.status ?? null,
        cell?.confidence ?? null,
        cell?.asOf ?? null,
        cell?.summary ?? null,
        cell?.quote ?? null,
        cell?.notes ?? null,
        cell ? cell.sources.map(formatSourceLine).join(" | ") : null,
        cell ? cell.sources.flatMap((s) => (s.url ? [s.url] : [])).join(" ") : null,
      ];
    }),
  );
  return writeCsv(LONG_COLUMNS, rows);
}

/** `ukraine-peace-2025_2025-12-02_wide.csv`: the slug, the date the data is current to, the layout. */
export function toCsvFilename(matrix: TMatrix, layout: TCsvLayout): string {
  return `${matrix.negotiation.slug}_${matrix.negotiation.asOf}_${layout}.csv`;
}

export const COMPARE_COLUMNS = [
  "issue", "issue_name", "a_party", "b_party", "a_score", "b_score", "difference", "comparison", "direction",
  "a_status", "b_status", "a_summary", "b_summary",
] as const;

/** The compare view as CSV: one row per issue, both positions, b − a and its direction in words. */
export function toCompareCsv(comparison: TComparison): string {
  const rows = comparison.rows.map((row) => [
    row.issue.slug,
    row.issue.name,
    comparison.a.slug,
    comparison.b.slug,
    row.a?.score ?? null,
    row.b?.score ?? null,
    row.difference,
    row.kind,
    row.direction,
    row.a?.status ?? null,
    row.b?.status ?? null,
    row.a?.summary ?? null,
    row.b?.summary ?? null,
  ]);
  return writeCsv(COMPARE_COLUMNS, rows);
}

import "server-only";
import type { TComparison } from "../analysis/compare";
import type { TMatrix } from "../analysis/matrix";
import { CELL_CONTENT_KEYS } from "../cells/schema";
import { computedConfidence, type TEvidence } from "../cells/confidence";
import type { TRange } from "../cells/readings";
import { formatSourceLine } from "../domain/format";

export const CSV_LAYOUTS = ["wide", "long"] as const;
export type TCsvLayout = (typeof CSV_LAYOUTS)[number];

export type TCsvCell = string | number | null;
type TCell = TCsvCell;

// OWASP CSV injection: a text cell starting with one of these may run as a formula in a spreadsheet.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Prefixes a text cell that a spreadsheet would read as a formula with an apostrophe; other text is unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break, with quotes doubled. */
function encodeField(cell: TCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = neutraliseFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 records: CRLF line ends, quotes only where needed, doubled quotes. Numbers are written
 * as numbers; text is formula-neutralised; null is empty. Rows written in pieces join into one file.
 * Written by hand rather than with csv-stringify: the rules are these few lines, and the library
 * took 1.1 s of a 2.9 s export of 100,000 cells. Tests parse the output with csv-parse.
 */
export function writeCsvRows(rows: readonly (readonly TCell[])[]): string {
  let text = "";
  for (const row of rows) text += `${row.map(encodeField).join(",")}\r\n`;
  return text;
}

/** The start of a CSV file: a UTF-8 BOM for spreadsheets, then the header record. */
export function writeCsvHeader(header: readonly string[]): string {
  return `\uFEFF${writeCsvRows([header])}`;
}

/** A whole CSV file: BOM, header and rows. */
export function writeCsv(header: readonly string[], rows: readonly (readonly TCell[])[]): string {
  return writeCsvHeader(header) + writeCsvRows(rows);
}

/** The wide layout's header: `issue`, then `<party>_score` and `<party>_position` per shown party. */
export function toWideHeader(parties: TMatrix["parties"]): string[] {
  return ["issue", ...parties.flatMap((p) => [`${p.slug}_score`, `${p.slug}_position`])];
}

/** A field's name as a CSV column: `asOf` → `as_of`. */
const toColumn = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The long layout's columns: the cell's address, then its content fields in the cell's own order, then its sources. */
export const LONG_COLUMNS: readonly string[] = [
  "issue",
  "issue_name",
  "party",
  "party_name",
  ...CELL_CONTENT_KEYS.map(toColumn),
  "confidence_computed",
  "contested",
  "score_min",
  "score_max",
  "sources",
  "source_urls",
];

/** A boolean as the CSVs write it (and the data package's Table Schemas read it). */
export const yesNo = (value: boolean): string => (value ? "true" : "false");

/**
 * `ukraine-peace-2025_2026-01-08_wide.csv`: the slug, the date the data is current to (or, for a
 * view as of a day, `asof-` and that day), the layout.
 */
export function toCsvFilename(
  negotiation: Pick<TMatrix["negotiation"], "slug" | "asOf">,
  layout: string,
  asOf: string | null = null,
): string {
  return `${negotiation.slug}_${asOf ? `asof-${asOf}` : negotiation.asOf}_${layout}.csv`;
}

export const COMPARE_COLUMNS = [
  "issue",
  "issue_name",
  "a_party",
  "b_party",
  "a_score",
  "b_score",
  "difference",
  "comparison",
  "direction",
  "a_status",
  "b_status",
  "a_summary",
  "b_summary",
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

/** The changes CSV: the long layout (with the new version's values), then the change itself. */
export const CHANGES_COLUMNS = [
  ...LONG_COLUMNS,
  "from_score",
  "to_score",
  "change",
  "changed_fields",
  "from_status",
  "from_label",
  "from_as_of",
  "event",
  "event_date",
] as const;

type TChangeRow = {
  issue: { slug: string; name: string };
  party: { slug: string; name: string };
  before: { score: number | null; status: string; label: string; asOf: string } | null;
  after: {
    score: number | null;
    status: string;
    confidence: string;
    asOf: string;
    label: string;
    summary: string;
    quote: string | null;
    notes: string | null;
    confidenceReason: string | null;
    evidence: TEvidence | null;
    contested: boolean;
    range: TRange | null;
    event: { date: string; title: string } | null;
    sources: Parameters<typeof formatSourceLine>[0][];
  };
  fields: string[];
  change: string;
};

/** One record of the long layout: the cell's address, its content in the cell's order, its sources as text. */
export function toLongRecord(
  issue: { slug: string; name: string },
  party: { slug: string; name: string },
  content: Record<(typeof CELL_CONTENT_KEYS)[number], TCell> & { evidence: TEvidence | null; contested: boolean; range: TRange | null },
  sources: readonly Parameters<typeof formatSourceLine>[0][],
): TCell[] {
  return [
    issue.slug,
    issue.name,
    party.slug,
    party.name,
    ...CELL_CONTENT_KEYS.map((key) => content[key]),
    computedConfidence(content.evidence),
    yesNo(content.contested),
    content.range?.min ?? null,
    content.range?.max ?? null,
    sources.length === 0 ? null : sources.map(formatSourceLine).join(" | "),
    sources.length === 0 ? null : sources.flatMap((s) => (s.url ? [s.url] : [])).join(" "),
  ];
}

/** The changed cells of a changes view as CSV rows, in the view's order. */
export function toChangesCsv(changes: readonly TChangeRow[]): string {
  const rows = changes.map(({ issue, party, before, after, fields, change }) => [
    ...toLongRecord(issue, party, after, after.sources),
    before?.score ?? null,
    after.score,
    change,
    fields.join(" "),
    before?.status ?? null,
    before?.label ?? null,
    before?.asOf ?? null,
    after.event?.title ?? null,
    after.event?.date ?? null,
  ]);
  return writeCsv(CHANGES_COLUMNS, rows);
}

import { isCalendarDay } from "../domain/dates";
export const SORT_KEYS = ["order", "divergence", "issue"] as const;
/** A fixed order, or `party:{slug}`: by that party's score, highest first, unknown scores last. */
export type TSortKey = (typeof SORT_KEYS)[number] | `party:${string}`;
export const PARTY_SORT_PREFIX = "party:";
export const SORT_LABELS: Record<(typeof SORT_KEYS)[number], string> = {
  order: "Default order",
  divergence: "Most contested first",
  issue: "Issue name (A–Z)",
};

/** Compact cells (mark, label, icons) or detailed ones (with the summary, for reading and print). */
export const DENSITIES = ["compact", "detailed"] as const;
export type TDensity = (typeof DENSITIES)[number];

/** Whether metrics that are flat by construction count the parties that define the scale's ends. */
export const ANCHOR_MODES = ["exclude", "include"] as const;
export type TAnchorMode = (typeof ANCHOR_MODES)[number];

/** Which reading the metrics use: the preferred one of each cell, or both ends of each contested cell's range beside it. */
export const READINGS_MODES = ["preferred", "range"] as const;
export type TReadingsMode = (typeof READINGS_MODES)[number];

/** The matrix view as the URL states it. `null` lists mean "all"; `page` counts from 1; `asOf` null means the latest data. */
export type TMatrixParams = {
  asOf: string | null;
  anchors: TAnchorMode;
  issues: string[] | null;
  parties: string[] | null;
  q: string;
  /** `contested=only`: only the rows with a cell whose independent sources disagree. */
  contested: boolean;
  /** `readings=range`: the metrics also at both ends of each contested cell's range. */
  readings: TReadingsMode;
  sort: TSortKey;
  page: number;
  density: TDensity;
};

/**
 * The slugs a negotiation has, without holding them all: how many there are, and which of a list
 * asked for exist (in the negotiation's order). A dossier of thousands of issues is never read whole
 * to check a URL.
 */
export type TKnownSlugs = { count: number; filter: (asked: readonly string[]) => string[] };

/** `TKnownSlugs` over a list already in memory. */
export function toKnownSlugs(all: readonly string[]): TKnownSlugs {
  return { count: all.length, filter: (asked) => all.filter((slug) => asked.includes(slug)) };
}

export type TRawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export const DEFAULT_MATRIX_PARAMS: TMatrixParams = {
  asOf: null,
  issues: null,
  parties: null,
  q: "",
  contested: false,
  readings: "preferred",
  sort: "order",
  page: 1,
  density: "compact",
  anchors: "exclude",
};
export const MAX_QUERY_LENGTH = 200;

/** The search text of a URL (`q`), trimmed and cut to MAX_QUERY_LENGTH with a notice; never throws. */
export function parseQuery(raw: TRawSearchParams, notices: string[]): string {
  const q = (readParam(raw, "q") ?? "").trim();
  if (q.length <= MAX_QUERY_LENGTH) return q;
  notices.push(`The search text was cut to its first ${MAX_QUERY_LENGTH} characters.`);
  return q.slice(0, MAX_QUERY_LENGTH);
}
/** At most this many slugs of one kind are read from a URL, so a request's work stays bounded. */
export const MAX_SLUGS = 500;
const MAX_ECHO_LENGTH = 40;
const MAX_PAGE = 1_000_000;

/** The party a sort key orders by, or null for a fixed order. */
export function sortParty(sort: TSortKey): string | null {
  return sort.startsWith(PARTY_SORT_PREFIX) ? sort.slice(PARTY_SORT_PREFIX.length) : null;
}

function isSortKey(value: string, parties: TKnownSlugs): value is TSortKey {
  const party = sortParty(value as TSortKey);
  return party !== null ? parties.filter([party]).length === 1 : (SORT_KEYS as readonly string[]).includes(value);
}

/** Either shape of search params as URLSearchParams (repeated keys kept). */
export function toUrlSearchParams(raw: TRawSearchParams): URLSearchParams {
  if (raw instanceof URLSearchParams) return new URLSearchParams(raw);
  return new URLSearchParams(Object.entries(raw).flatMap(([key, value]) => [value ?? []].flat().map((v): [string, string] => [key, v])));
}

/** Reads one key from either shape of search params; repeated keys are joined with commas. */
export function readParam(raw: TRawSearchParams, key: string): string | undefined {
  const values = raw instanceof URLSearchParams ? raw.getAll(key) : [raw[key] ?? []].flat();
  return values.length === 0 ? undefined : values.join(",");
}

/** A value from the address, cut short for a notice that repeats it. */
export function echo(value: string): string {
  return value.length > MAX_ECHO_LENGTH ? `${value.slice(0, MAX_ECHO_LENGTH)}…` : value;
}

/** The distinct slugs a list parameter names (`issues`, `parties`), at most MAX_SLUGS: what to look up before parsing. */
export function askedSlugs(raw: TRawSearchParams, key: "issues" | "parties"): string[] {
  const text = readParam(raw, key);
  if (text === undefined) return [];
  return [
    ...new Set(
      text
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_SLUGS);
}

function parseSlugList(
  raw: string | undefined,
  known: TKnownSlugs,
  noun: { one: string; many: string },
  notices: string[],
): string[] | null {
  if (raw === undefined) return null;
  let asked = [
    ...new Set(
      raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (asked.length === 0) return null;
  if (asked.length > MAX_SLUGS) {
    notices.push(`Only the first ${MAX_SLUGS} ${noun.many} named in the address were read.`);
    asked = asked.slice(0, MAX_SLUGS);
  }
  const kept = known.filter(asked);
  const unknown = asked.filter((slug) => !kept.includes(slug));
  if (unknown.length > 0) {
    const shown = unknown
      .slice(0, 5)
      .map((s) => `“${echo(s)}”`)
      .join(", ");
    const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : "";
    notices.push(`Ignored unknown ${unknown.length > 1 ? noun.many : noun.one}: ${shown}${more}.`);
  }
  if (kept.length === 0) {
    notices.push(`No known ${noun.one} was chosen, so all are shown.`);
    return null;
  }
  return kept.length === known.count ? null : kept;
}

/** One of a parameter's values (the first is its default); anything else is the default, with the notice `ignored` gives (the value cut short). */
function parseChoice<T extends string>(
  raw: TRawSearchParams,
  key: string,
  values: readonly T[],
  notices: string[],
  ignored: (value: string) => string,
): T {
  const value = readParam(raw, key) ?? values[0]!;
  if ((values as readonly string[]).includes(value)) return value as T;
  notices.push(ignored(echo(value)));
  return values[0]!;
}

/**
 * Parses the matrix URL against the negotiation's own slugs. Never throws: unknown slugs are
 * dropped, a bad sort falls back to the default, and each correction is reported as a notice.
 */
export function parseMatrixParams(
  raw: TRawSearchParams,
  known: { issues: TKnownSlugs; parties: TKnownSlugs },
): { params: TMatrixParams; notices: string[] } {
  const notices: string[] = [];
  const issues = parseSlugList(readParam(raw, "issues"), known.issues, { one: "issue", many: "issues" }, notices);
  const parties = parseSlugList(readParam(raw, "parties"), known.parties, { one: "party", many: "parties" }, notices);

  const q = parseQuery(raw, notices);

  const rawContested = readParam(raw, "contested");
  const contested = rawContested === "only";
  if (rawContested !== undefined && !contested)
    notices.push(`Ignored contested “${echo(rawContested)}” (the one value is “only”); showing every cell.`);

  const readings = parseChoice(
    raw,
    "readings",
    READINGS_MODES,
    notices,
    (value) => `Ignored readings “${value}” (use “range”); the metrics use each cell's preferred reading.`,
  );

  const rawSort = readParam(raw, "sort") ?? "order";
  const sort = isSortKey(rawSort, known.parties) ? rawSort : "order";
  if (sort !== rawSort) notices.push(`Ignored unknown sort “${echo(rawSort)}”; using the default order.`);

  const density = parseChoice(raw, "density", DENSITIES, notices, (value) => `Ignored unknown density “${value}”; showing compact cells.`);
  const anchors = parseChoice(
    raw,
    "anchors",
    ANCHOR_MODES,
    notices,
    (value) => `Ignored unknown anchors “${value}”; the scale's anchor parties are left out of spread.`,
  );

  const asOf = parseAsOf(raw, notices);
  const page = parsePage(readParam(raw, "page"), notices);
  return { params: { asOf, issues, parties, q, contested, readings, sort, page, density, anchors }, notices };
}

/**
 * The `asOf` of a URL: a real calendar day (YYYY-MM-DD) from which every view shows each cell's
 * version valid on that day; anything else is ignored with a notice, and the latest data is shown.
 */
export function parseAsOf(raw: TRawSearchParams, notices: string[]): string | null {
  const value = readParam(raw, "asOf")?.trim();
  if (value === undefined || value === "") return null;
  if (isCalendarDay(value)) return value;
  notices.push(`Ignored date “${echo(value)}” (expected a day such as 2025-12-15); showing the latest data.`);
  return null;
}

/** True for an existing day written YYYY-MM-DD (not 2025-02-30). */

/** `?asOf=…` for a date, or the empty string: what links between the pages of one date carry. */
export function toAsOfQuery(asOf: string | null): string {
  return asOf === null ? "" : `?asOf=${asOf}`;
}

function parsePage(raw: string | undefined, notices: string[]): number {
  if (raw === undefined || raw.trim() === "") return 1;
  const page = Number(raw.trim());
  if (/^\d+$/.test(raw.trim()) && page >= 1 && page <= MAX_PAGE) return page;
  notices.push(`Ignored page “${echo(raw)}”; showing the first page.`);
  return 1;
}

/** The query string for a view, with defaults left out so that URLs stay short. */
export function toMatrixSearchParams(params: TMatrixParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.asOf) search.set("asOf", params.asOf);
  if (params.issues) search.set("issues", params.issues.join(","));
  if (params.parties) search.set("parties", params.parties.join(","));
  if (params.q) search.set("q", params.q);
  if (params.contested) search.set("contested", "only");
  if (params.readings !== DEFAULT_MATRIX_PARAMS.readings) search.set("readings", params.readings);
  if (params.sort !== DEFAULT_MATRIX_PARAMS.sort) search.set("sort", params.sort);
  if (params.page !== DEFAULT_MATRIX_PARAMS.page) search.set("page", String(params.page));
  if (params.density !== DEFAULT_MATRIX_PARAMS.density) search.set("density", params.density);
  if (params.anchors !== DEFAULT_MATRIX_PARAMS.anchors) search.set("anchors", params.anchors);
  return search;
}

/** `?a=b` for a non-empty query, or the empty string. */
export function toQueryString(search: URLSearchParams): string {
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The active filters in words, for stamps on exported charts: "issues: nato, g8; search: “x”", or "no filters". */
export function describeFilters(params: TMatrixParams): string {
  const parts = [
    params.asOf && `as of ${params.asOf}`,
    params.issues &&
      `issues: ${params.issues.slice(0, 10).join(", ")}${params.issues.length > 10 ? ` and ${params.issues.length - 10} more` : ""}`,
    params.parties && `parties: ${params.parties.join(", ")}`,
    params.q && `search: “${params.q}”`,
    params.contested && "contested cells only",
    params.readings === "range" && "metrics also at both ends of contested ranges",
    params.anchors === "include" && "anchors included in spread",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : "no filters";
}

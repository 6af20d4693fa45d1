// The matrix page's one line of what it shows, in words: how many issues and parties, which page,
// which filters, and what a search found. Pure, so every wording is unit-tested.
import { SORT_LABELS, sortParty, type TMatrixParams } from "./matrix-params";
import { findMatches } from "../domain/text";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export type TViewCounts = {
  rows: number;
  issueCount: number;
  shownParties: { slug: string; name: string }[];
  partyCount: number;
  page: { number: number; size: number; pageCount: number; rowsOnPage: number };
};

/** "13 of 13 issues × 6 of 6 parties; no filters" with the page and the active filters when there are any. */
export function describeView(params: TMatrixParams, counts: TViewCounts): string {
  const { page } = counts;
  const first = (page.number - 1) * page.size + 1;
  const paging = page.pageCount > 1 ? `, rows ${first}–${first + page.rowsOnPage - 1} on page ${page.number} of ${page.pageCount}` : "";
  const sortedBy = sortParty(params.sort);
  const sortName = sortedBy ? `${counts.shownParties.find((p) => p.slug === sortedBy)?.name ?? sortedBy}, highest first` : null;
  const filters = [
    params.issues && `${plural(params.issues.length, "issue")} chosen`,
    params.parties && `${plural(params.parties.length, "party", "parties")} chosen`,
    params.q && `search “${params.q}”`,
    params.contested && "only rows where sources disagree",
    params.sort !== "order" && `sorted by ${sortName ?? SORT_LABELS[params.sort as keyof typeof SORT_LABELS].toLowerCase()}`,
    params.anchors === "include" && "anchors counted in spread",
  ].filter(Boolean);
  return `${counts.rows} of ${plural(counts.issueCount, "issue")} × ${counts.shownParties.length} of ${plural(counts.partyCount, "party", "parties")}${paging}; ${filters.length > 0 ? filters.join(", ") : "no filters"}.`;
}

/**
 * What a search found, in words: "5 cells match “Geneva” in 5 rows", then the issue names and the
 * column headers (party names) it matched, which keep no row by themselves.
 */
export function describeSearch(q: string, found: { cells: number; rows: number; issueNames: number }, parties: { name: string }[]): string {
  const named = parties.filter((p) => findMatches(p.name, q).length > 0).map((p) => p.name);
  const cells =
    found.cells === 0
      ? `No cell matches “${q}”`
      : `${plural(found.cells, "cell")} ${found.cells === 1 ? "matches" : "match"} “${q}” in ${plural(found.rows, "row")}`;
  const issues = found.issueNames > 0 ? `; ${plural(found.issueNames, "issue name")} ${found.issueNames === 1 ? "matches" : "match"}` : "";
  const columns =
    named.length > 0
      ? `; the column${named.length === 1 ? "" : "s"} ${named.join(", ")} ${named.length === 1 ? "matches" : "match"} by name`
      : "";
  return `${cells}${issues}${columns}.`;
}

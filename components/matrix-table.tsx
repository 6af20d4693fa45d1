"use client";

import { columnPinningFeature, createColumnHelper, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useRef } from "react";
import { cellHref, href } from "@/lib/params/urls";
import { type TTableCell, type TTableParty, type TTableRow } from "@/lib/analysis/matrix";
import { formatDateText } from "@/lib/domain/format";
import { Highlighted } from "@/components/highlighted";
import { ContestedMark, ScoreMark, StatusIcons } from "@/components/score-mark";

// Sorting and pinning as state only: rows arrive sorted by the server (the URL's `sort`), and the
// issue column is pinned; the table reports both for headers (aria-sort) and styles.
const features = tableFeatures({ rowSortingFeature, columnPinningFeature });
const helper = createColumnHelper<typeof features, TTableRow>();

type TProps = {
  slug: string;
  parties: TTableParty[];
  rows: TTableRow[];
  query: string;
  /** The day the matrix shows (null: the latest data); cell links keep it. */
  asOf: string | null;
  /** The party the rows are sorted by (highest score first), if any. */
  sortedBy: string | null;
  /** Per party, the address of this view sorted by that party's score. */
  sortHrefs: Record<string, string>;
  /** The detailed density: summaries in the cells, each issue's two ends in its header. */
  detailed: boolean;
};

/**
 * The position matrix at a glance: issues as rows, parties as columns, each cell a mark, a short
 * label and status icons, linking to the cell's own page. Rows arrive filtered, sorted and paged by
 * the server. Pointer or keyboard focus on a cell highlights its row and column.
 */
export function MatrixTable({ slug, parties, rows, query, sortedBy, sortHrefs, asOf, detailed }: TProps) {
  const tableRef = useRef<HTMLTableElement>(null);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor((row) => row.issue.name, { id: "issue", header: "Issue" }),
        ...parties.map((party, index) =>
          helper.accessor((row) => row.cells[index] ?? null, {
            id: party.slug,
            header: (info) => (
              <PartyHeader
                slug={slug}
                party={party}
                isSorted={info.column.getIsSorted() !== false}
                sortHref={sortHrefs[party.slug]!}
                query={query}
              />
            ),
            cell: (info) => (
              <PositionMark
                slug={slug}
                issue={info.row.original.issue.slug}
                steps={info.row.original.issue.steps}
                party={party}
                cell={info.getValue()}
                query={query}
                asOf={asOf}
              />
            ),
          }),
        ),
      ]),
    [parties, slug, query, sortHrefs, asOf],
  );
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.issue.slug,
    manualSorting: true,
    state: { sorting: sortedBy ? [{ id: sortedBy, desc: true }] : [], columnPinning: { start: ["issue"], end: [] } },
  });

  if (rows.length === 0) {
    return <p className="empty">No issue matches these filters. Clear the search or choose more issues.</p>;
  }
  // The column under the pointer or focus, as an attribute the stylesheet below highlights.
  const track = (target: EventTarget) => {
    const party = (target as HTMLElement).closest?.("[data-party]")?.getAttribute("data-party");
    if (tableRef.current) tableRef.current.dataset.activeParty = party ?? "";
  };
  const columnStyles = parties
    .map((p) => `.matrix[data-active-party="${p.slug}"] [data-party="${p.slug}"]{background:var(--highlight)}`)
    .join("");
  return (
    <div className="matrix-scroll" role="region" aria-label="Position matrix" tabIndex={-1}>
      <style>{columnStyles}</style>
      <table
        className={`matrix matrix-glance${detailed ? " is-detailed" : ""}${query ? " is-searching" : ""}`}
        data-testid="position-matrix"
        ref={tableRef}
        onPointerOver={(event) => track(event.target)}
        onFocus={(event) => track(event.target)}
        onPointerLeave={() => tableRef.current && (tableRef.current.dataset.activeParty = "")}
      >
        <caption className="visually-hidden">Each party&apos;s position on each issue; open a cell for its summary and sources</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={header.column.getIsPinned() ? "pinned" : undefined}
                  aria-sort={header.column.getIsSorted() ? "descending" : undefined}
                  data-party={header.column.id === "issue" ? undefined : header.column.id}
                >
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-issue={row.id}>
              {row.getAllCells().map((cell) =>
                cell.column.id === "issue" ? (
                  <th key={cell.id} scope="row" className={cell.column.getIsPinned() ? "pinned" : undefined}>
                    <IssueHeader slug={slug} issue={row.original.issue} query={query} detailed={detailed} />
                  </th>
                ) : (
                  <td key={cell.id} data-party={cell.column.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PartyHeader(props: { slug: string; party: TTableParty; isSorted: boolean; sortHref: string; query: string }) {
  const { slug, party, isSorted, sortHref, query } = props;
  return (
    <>
      <Link href={href("party", { slug, party: party.slug })} className="party-name">
        <Highlighted text={party.name} query={query} />
      </Link>
      <span className="party-meta">
        {party.kind === "document" ? "Document" : "Actor"}, {formatDateText(party.date)}
      </span>
      {isSorted ? (
        <span className="sort-state">
          <span aria-hidden="true">▼</span>
          <span className="visually-hidden">Sorted, highest first</span>
        </span>
      ) : (
        <Link href={sortHref} className="sort-link" scroll={false} data-testid="sort-by-party">
          <span className="visually-hidden">Sort rows by {party.name}&apos;s score, highest first</span>
          <span aria-hidden="true">↓</span>
        </Link>
      )}
    </>
  );
}

/** An issue's row header: its name (search matches marked) and, in the detailed density, what its two ends mean. */
function IssueHeader({ slug, issue, query, detailed }: { slug: string; issue: TTableRow["issue"]; query: string; detailed: boolean }) {
  return (
    <>
      <Link href={href("issue", { slug, issue: issue.slug })} className="issue-name">
        <Highlighted text={issue.name} query={query} />
      </Link>
      {issue.isCore && <span className="core-tag">Core</span>}
      {detailed ? (
        <span className="poles">
          <span>
            <span className="pole-number">−2</span> {issue.lowLabel}
          </span>
          <span>
            <span className="pole-number">+2</span> {issue.highLabel}
          </span>
        </span>
      ) : null}
    </>
  );
}

/** A cell: its mark, label and icons, as one link to the cell's page (the markup contract of `data-*`). */
function PositionMark(props: {
  slug: string;
  issue: string;
  steps: TTableRow["issue"]["steps"];
  party: TTableParty;
  cell: TTableCell | null;
  query: string;
  asOf: string | null;
}) {
  const { slug, issue, steps, party, cell, query, asOf } = props;
  if (!cell) return <span className="missing">{asOf ? "No record yet" : "No data"}</span>;
  // With a search, a cell whose own texts match says so in words and a shape; the others are quieter.
  const match = cell.match === undefined ? undefined : cell.match ? "true" : "false";
  return (
    <Link
      href={cellHref(slug, issue, party.slug, asOf, query)}
      className="position-cell"
      data-testid="position-cell"
      data-issue={issue}
      data-party={party.slug}
      data-score={cell.score ?? ""}
      data-match={match}
      data-contested={cell.contested ? "true" : undefined}
    >
      <span className="cell-party">{party.name}</span>
      <ScoreMark score={cell.score} issue={{ steps }} />
      {match === "true" ? (
        <span className="match-flag">
          <span aria-hidden="true">✱</span>
          <span className="visually-hidden"> matches the search;</span>
        </span>
      ) : null}
      {/* The contested mark leads the label's lines (on a phone, where labels are hidden, it stays under the mark). */}
      <span className="cell-label">
        {cell.contested ? <ContestedMark range={cell.contested.range} /> : null}
        <span className="label-text">
          <Highlighted text={cell.label} query={query} />
        </span>
      </span>
      <StatusIcons status={cell.status} confidence={cell.confidence} />
      {cell.summary !== undefined && (
        <span className="cell-summary">
          <Highlighted text={cell.summary} query={query} />
        </span>
      )}
    </Link>
  );
}

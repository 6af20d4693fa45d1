"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { useMemo } from "react";
import type { TMatrix, TMatrixRow } from "@/lib/matrix";
import { PositionCell } from "./position-cell";

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, TMatrixRow>();

/**
 * The position matrix: issues as rows, parties as columns. Rows arrive filtered and sorted by the
 * server; the table only renders them. The header row and issue column stay in view while the
 * table scrolls inside its own box.
 */
export function MatrixTable({ matrix }: { matrix: TMatrix }) {
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor((row) => row.issue.name, { id: "issue", header: "Issue" }),
        ...matrix.parties.map((party, index) =>
          helper.accessor((row) => row.cells[index] ?? null, {
            id: party.slug,
            header: party.name,
            cell: (info) => <PositionCell position={info.getValue()} issue={info.row.original.issue} />,
          }),
        ),
      ]),
    [matrix.parties],
  );
  const table = useTable({ features, columns, data: matrix.rows, getRowId: (row) => row.issue.slug });

  if (matrix.rows.length === 0) {
    return <p className="empty">No issue matches these filters. Clear the search or choose more issues.</p>;
  }
  return (
    <div className="matrix-scroll" role="region" aria-label="Position matrix, scrolls in both directions" tabIndex={0}>
      <table className="matrix" data-testid="position-matrix">
        <caption className="visually-hidden">Positions of each party on each issue, with sources</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" data-party={header.column.id === "issue" ? undefined : header.column.id}>
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
                  <th key={cell.id} scope="row">
                    <span className="issue-name">{row.original.issue.name}</span>
                    <span className="issue-description">{row.original.issue.description}</span>
                    {row.original.divergence.spread !== null && (
                      <span className="issue-spread">Spread {row.original.divergence.spread} of 4</span>
                    )}
                  </th>
                ) : (
                  <td key={cell.id}>
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

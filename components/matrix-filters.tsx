"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useOptimistic, useTransition } from "react";
import { SORT_KEYS, SORT_LABELS, toMatrixSearchParams, toQueryString, type TMatrixParams } from "@/lib/matrix-params";
import type { TOption } from "@/lib/domain";
import { SlugChecklist } from "./slug-checklist";

/** `issues` is null when the negotiation has too many issues to list as checkboxes. */
type TProps = { basePath: string; issues: TOption[] | null; parties: TOption[]; params: TMatrixParams };

/**
 * Filter and sort controls. The URL is the only state: each change navigates to the new URL
 * (a history entry, so Back restores the previous view) and the server renders the result.
 */
export function MatrixFilters({ basePath, issues, parties, params: current }: TProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  // Controls show the chosen view at once, while the server renders it.
  const [params, setOptimisticParams] = useOptimistic(current);
  const searchId = useId();
  const sortId = useId();

  const navigate = (next: TMatrixParams) => {
    startTransition(() => {
      // Any change of filter or order starts again from the first page of rows.
      const target = { ...next, page: 1 };
      setOptimisticParams(target);
      router.push(`${basePath}${toQueryString(toMatrixSearchParams(target))}`, { scroll: false });
    });
  };

  const count = (chosen: string[] | null, all: TOption[] | null) => (chosen ? `${chosen.length}${all ? ` of ${all.length}` : ""}` : "all");
  return (
    <div className="controls" aria-busy={isPending}>
      <div className="toolbar">
        <form
          role="search"
          className="filter-search"
          onSubmit={(event) => {
            event.preventDefault();
            const q = String(new FormData(event.currentTarget).get("q") ?? "").trim();
            navigate({ ...params, q });
          }}
        >
          <label htmlFor={searchId}>Search issues, summaries and quotes</label>
          <div className="row">
            <input id={searchId} name="q" type="search" defaultValue={params.q} key={params.q} maxLength={200} />
            <button type="submit">Search</button>
          </div>
        </form>
        <div className="filter-sort">
          <label htmlFor={sortId}>Sort rows</label>
          <select
            id={sortId}
            value={params.sort}
            onChange={(event) => navigate({ ...params, sort: event.target.value as TMatrixParams["sort"] })}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
        <p className="filter-status" aria-live="polite">
          {isPending ? "Updating…" : ""}
        </p>
      </div>
      <details className="filters" data-testid="filters">
        <summary>
          Choose issues ({count(params.issues, issues)}) and parties ({count(params.parties, parties)})
        </summary>
        <div className="filters-body">
          {issues ? (
            <SlugChecklist
              legend="Issues"
              name="issue"
              options={issues}
              chosen={params.issues}
              onChange={(chosen) => navigate({ ...params, issues: chosen })}
            />
          ) : (
            <p className="hint" data-testid="issue-filter-hint">
              This negotiation has too many issues to list here: narrow the rows with the search, or name issues in the address (
              <code>issues=slug,slug</code>).
            </p>
          )}
          <SlugChecklist
            legend="Parties"
            name="party"
            options={parties}
            chosen={params.parties}
            onChange={(chosen) => navigate({ ...params, parties: chosen })}
          />
        </div>
      </details>
      <p className="clear-filters">
        <Link href={basePath}>Clear all filters</Link>
      </p>
    </div>
  );
}

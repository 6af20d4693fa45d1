"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useOptimistic, useTransition } from "react";
import {
  DEFAULT_MATRIX_PARAMS,
  SORT_KEYS,
  SORT_LABELS,
  toMatrixSearchParams,
  toQueryString,
  type TMatrixParams,
} from "@/lib/matrix-params";
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
          <label htmlFor={searchId}>Search issues, positions, notes, sources and parties</label>
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
            {parties.map((party) => (
              <option key={party.slug} value={`party:${party.slug}`}>
                {party.name}: highest score first
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
        {/* One form, one navigation: ticking several boxes and applying them is one history entry. It also works without JavaScript. */}
        <form
          className="filters-body"
          action={basePath}
          key={`${params.issues?.join(",")}|${params.parties?.join(",")}`}
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const chosen = (name: string, all: TOption[] | null) => {
              const values = form.getAll(name).map(String);
              return values.length === 0 || (all && values.length === all.length) ? null : values;
            };
            navigate({ ...params, issues: issues ? chosen("issues", issues) : params.issues, parties: chosen("parties", parties) });
          }}
        >
          {issues ? (
            <SlugChecklist legend="Issues" name="issues" options={issues} chosen={params.issues} />
          ) : (
            <p className="hint" data-testid="issue-filter-hint">
              This negotiation has too many issues to list here: narrow the rows with the search, or name issues in the address (
              <code>issues=slug,slug</code>).
            </p>
          )}
          <SlugChecklist legend="Parties" name="parties" options={parties} chosen={params.parties} />
          {Object.entries({ q: params.q, sort: params.sort, density: params.density })
            .filter(([key, value]) => value !== DEFAULT_MATRIX_PARAMS[key as "q" | "sort" | "density"])
            .map(([key, value]) => (
              <input key={key} type="hidden" name={key} value={value} />
            ))}
          {!issues && params.issues && <input type="hidden" name="issues" value={params.issues.join(",")} />}
          <p className="hint">Ticking none means all.</p>
          <button type="submit">Apply filters</button>
        </form>
      </details>
      <p className="clear-filters">
        <Link href={basePath}>Clear all filters</Link>
      </p>
    </div>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { SORT_KEYS, SORT_LABELS, toMatrixSearchParams, toQueryString, type TMatrixParams } from "@/lib/matrix-params";
import { SlugChecklist, type TOption } from "./slug-checklist";

type TProps = { slug: string; issues: TOption[]; parties: TOption[]; params: TMatrixParams };

/**
 * Filter and sort controls. The URL is the only state: each change navigates to the new URL
 * (a history entry, so Back restores the previous view) and the server renders the result.
 */
export function MatrixFilters({ slug, issues, parties, params }: TProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const searchId = useId();
  const sortId = useId();

  const navigate = (next: TMatrixParams) => {
    startTransition(() => router.push(`/negotiations/${slug}${toQueryString(toMatrixSearchParams(next))}`, { scroll: false }));
  };

  return (
    <details className="filters" open data-testid="filters">
      <summary>Filters and sort{isPending ? " (updating…)" : ""}</summary>
      <div className="filters-body" aria-busy={isPending}>
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
        <SlugChecklist legend="Issues" name="issue" options={issues} chosen={params.issues} onChange={(chosen) => navigate({ ...params, issues: chosen })} />
        <SlugChecklist legend="Parties" name="party" options={parties} chosen={params.parties} onChange={(chosen) => navigate({ ...params, parties: chosen })} />
        <p>
          <Link href={`/negotiations/${slug}`}>Clear all filters</Link>
        </p>
      </div>
    </details>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useOptimistic, useTransition } from "react";
import { SORT_KEYS, SORT_LABELS, toMatrixSearchParams, toQueryString, type TMatrixParams } from "@/lib/params/matrix-params";
import type { TOption } from "@/lib/domain/words";
import { SlugChecklist } from "@/components/slug-checklist";

/** `issues` is null when the negotiation has too many issues to list as checkboxes. */
type TProps = { basePath: string; issues: TOption[] | null; parties: TOption[]; params: TMatrixParams; children?: React.ReactNode };

/** Every parameter of a view but the named ones, as hidden inputs: a plain form then keeps the rest of the view. */
function HiddenParams({ params, except }: { params: TMatrixParams; except: string[] }) {
  const entries = [...toMatrixSearchParams({ ...params, page: 1 }).entries()].filter(([key]) => !except.includes(key));
  return entries.map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />);
}

/**
 * The search, the sort and the issue and party choices, as the first items of the matrix's
 * toolbar. The URL is the only state: each change navigates to the new URL (a history entry, so
 * Back restores the previous view) and the server renders the result. Without JavaScript every
 * part is a plain GET form that keeps the rest of the view. `children` (the quick views) go at the
 * top of the issues and parties panel.
 */
export function MatrixFilters({ basePath, issues, parties, params: current, children }: TProps) {
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
    <>
      <form
        role="search"
        className="filter-search"
        action={basePath}
        aria-busy={isPending}
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          navigate({ ...params, q: String(form.get("q") ?? "").trim(), sort: String(form.get("sort")) as TMatrixParams["sort"] });
        }}
      >
        <HiddenParams params={params} except={["q", "sort"]} />
        <label htmlFor={searchId} className="visually-hidden">
          Search positions, notes, sources and issue and party names
        </label>
        <input
          id={searchId}
          name="q"
          type="search"
          defaultValue={params.q}
          key={params.q}
          maxLength={200}
          placeholder="Search positions, sources, issues…"
        />
        <button type="submit">Search</button>
        <label htmlFor={sortId} className="visually-hidden">
          Sort rows
        </label>
        <select
          id={sortId}
          name="sort"
          value={params.sort}
          onChange={(event) => navigate({ ...params, sort: event.target.value as TMatrixParams["sort"] })}
        >
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              Sort: {SORT_LABELS[key]}
            </option>
          ))}
          {parties.map((party) => (
            <option key={party.slug} value={`party:${party.slug}`}>
              Sort: {party.name}, highest first
            </option>
          ))}
        </select>
      </form>
      {/* Keyed by the view: a navigation closes the panel, so the matrix it changed is in sight. */}
      <details className="tool" data-testid="filters" key={toQueryString(toMatrixSearchParams(current))}>
        <summary>
          Issues ({count(params.issues, issues)}), parties ({count(params.parties, parties)})
        </summary>
        <div className="tool-panel">
          {children}
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
            <HiddenParams params={params} except={["issues", "parties"]} />
            {!issues && params.issues && <input type="hidden" name="issues" value={params.issues.join(",")} />}
            <p className="hint">Ticking none means all.</p>
            <p>
              <button type="submit">Apply filters</button> <Link href={basePath}>Clear all filters</Link>
            </p>
          </form>
        </div>
      </details>
      <p className="filter-status" aria-live="polite">
        {isPending ? "Updating…" : ""}
      </p>
    </>
  );
}

import Link from "next/link";
import type { TNegotiationInfo } from "@/lib/analysis/matrix";
import { formatDate } from "@/lib/domain/format";
import { toAsOfQuery } from "@/lib/params/matrix-params";
import { href } from "@/lib/params/urls";

const TABS = [
  { key: "matrix", label: "Matrix", keepsFilters: true },
  { key: "charts", label: "Charts", keepsFilters: true },
  { key: "compare", label: "Compare two parties", keepsFilters: false },
  { key: "zones", label: "Red lines", keepsFilters: false },
  { key: "package", label: "Package", keepsFilters: false },
  { key: "drafts", label: "Drafts", keepsFilters: false },
  { key: "changes", label: "What changed", keepsFilters: false },
  { key: "timeline", label: "Timeline", keepsFilters: false },
  { key: "log", label: "Change log", keepsFilters: false },
] as const;

export type TTab = (typeof TABS)[number]["key"];

/**
 * The negotiation's title, summary, the date shown, and the tabs between its views; filters carry
 * over between matrix and charts, the date to every view. `compact` (the matrix) leaves the summary
 * and the date to the page, which folds the one and says the other in its line of what it shows.
 */
export function NegotiationHeader(props: {
  negotiation: TNegotiationInfo;
  current: TTab;
  query: string;
  asOf?: string | null;
  compact?: boolean;
}) {
  const { negotiation, current, query, asOf = null, compact = false } = props;
  return (
    <>
      <div className={compact ? "negotiation-heading" : undefined}>
        <h1 className={compact ? "compact-title" : undefined}>{negotiation.title}</h1>
        {compact ? null : (
          <>
            <p className="lede">{negotiation.summary}</p>
            <ShownDate negotiation={negotiation} asOf={asOf} latestHref={href(current, { slug: negotiation.slug }, withoutAsOf(query))} />
          </>
        )}
        <nav className="tabs" aria-label="Views of this negotiation">
          <ul>
            {TABS.map((tab) => (
              <li key={tab.key}>
                <Link
                  href={href(tab.key, { slug: negotiation.slug }, tab.keepsFilters ? query : toAsOfQuery(asOf))}
                  aria-current={tab.key === current ? "page" : undefined}
                >
                  {tab.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </>
  );
}

/**
 * Which date a page shows, on every page of a negotiation: the dossier as of a chosen day (with a
 * way back to the latest), or the latest data and the date it runs to.
 */
export function ShownDate(props: { negotiation: TNegotiationInfo; asOf: string | null; latestHref: string }) {
  const { negotiation, asOf, latestHref } = props;
  if (asOf === null)
    return (
      <p className="meta shown-date" data-testid="shown-date">
        Latest data: positions, sources and events up to {formatDate(negotiation.asOf)}.
      </p>
    );
  return (
    <p className="meta shown-date as-of" data-testid="shown-date">
      <strong>Showing the dossier as it stood on {formatDate(asOf)}</strong> (each cell&apos;s version valid that day; the data runs to{" "}
      {formatDate(negotiation.asOf)}). <Link href={latestHref}>Show the latest</Link>
    </p>
  );
}

/** A query string without its `asOf`: the same view with the latest data. */
function withoutAsOf(query: string): string {
  const search = new URLSearchParams(query);
  search.delete("asOf");
  const text = search.toString();
  return text ? `?${text}` : "";
}

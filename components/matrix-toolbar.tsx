import Link from "next/link";
import { formatDate } from "@/lib/domain/format";
import { toMatrixSearchParams, toQueryString } from "@/lib/params/matrix-params";
import type { TMatrixView } from "@/lib/read/matrix-view";
import { AsOfControl } from "@/components/as-of-control";
import { MatrixFilters } from "@/components/matrix-filters";
import { MatrixKey } from "@/components/matrix-key";
import { Presets } from "@/components/presets";

/**
 * Everything that shapes the matrix, in one row above it: the search and sort, then panels that
 * fold out (issues and parties with the quick views, the date, the key, what the dossier is) and
 * the density. Each panel is a `<details>`, so it opens by keyboard and without JavaScript, and the
 * matrix itself stays on the first screen.
 */
export function MatrixToolbar({ view, basePath }: { view: TMatrixView; basePath: string }) {
  const { params, negotiation } = view;
  const detailed = params.density === "detailed";
  const otherDensity = toQueryString(toMatrixSearchParams({ ...params, density: detailed ? "compact" : "detailed" }));
  return (
    <div className="view-toolbar" role="group" aria-label="Search, filters, date and key">
      <MatrixFilters basePath={basePath} issues={view.issueOptions} parties={view.partyOptions} params={params}>
        <Presets
          basePath={basePath}
          params={params}
          presets={view.presets}
          issueCount={negotiation.issueCount}
          partyCount={view.partyOptions.length}
        />
      </MatrixFilters>
      {view.ticks.length > 0 ? (
        <details className="tool" data-testid="date-tool" key={params.asOf ?? "latest"}>
          <summary>Date: {params.asOf ? formatDate(params.asOf) : "latest"}</summary>
          <div className="tool-panel">
            <AsOfControl basePath={basePath} params={params} ticks={view.ticks} latest={negotiation.asOf} />
          </div>
        </details>
      ) : null}
      <details className="tool" data-testid="key-tool">
        <summary>Key</summary>
        <div className="tool-panel">
          <MatrixKey />
        </div>
      </details>
      <details className="tool tool-end" data-testid="about-tool">
        <summary>About</summary>
        <div className="tool-panel">
          <p className="lede">{negotiation.summary}</p>
          <p>
            <a href="#legend-title">How to read the scores</a>
          </p>
        </div>
      </details>
      <Link href={`${basePath}${otherDensity}`} className="tool-link" data-testid="density">
        {detailed ? "Compact cells" : "Show summaries"}
      </Link>
    </div>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { AsOfControl } from "@/components/as-of-control";
import { EditorLinks } from "@/components/editor-links";
import { ExportLinks } from "@/components/export-links";
import { Legend } from "@/components/legend";
import { MatrixFilters } from "@/components/matrix-filters";
import { MatrixKey } from "@/components/matrix-key";
import { MatrixTable } from "@/components/matrix-table";
import { Notices } from "@/components/notices";
import { NegotiationHeader } from "@/components/negotiation-header";
import { Pagination } from "@/components/pagination";
import { Presets } from "@/components/presets";
import { toTableRows } from "@/lib/matrix";
import { sortParty, toMatrixSearchParams, toQueryString } from "@/lib/matrix-params";
import { getMatrixView } from "@/lib/queries/matrix-view";
import { negotiationMetadata, type TNegotiationPageProps } from "./page-props";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata();

export default async function NegotiationPage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const view = getMatrixView(slug, raw);
  if (!view) notFound();
  const { negotiation, matrix, notices, page } = view;
  const basePath = `/negotiations/${negotiation.slug}`;
  const detailed = view.params.density === "detailed";
  const otherDensity = toQueryString(toMatrixSearchParams({ ...view.params, density: detailed ? "compact" : "detailed" }));
  return (
    <>
      <NegotiationHeader
        negotiation={negotiation}
        current="matrix"
        query={toQueryString(toMatrixSearchParams({ ...view.params, page: 1 }))}
        asOf={view.params.asOf}
      />
      <Notices notices={notices} />
      {/* On a phone the controls fold behind this one button, so the first screen shows scores (CSS only: works without JavaScript). */}
      <details className="controls-toggle">
        <summary>Filters, search, quick views and dates</summary>
      </details>
      <div className="view-controls">
        <Presets
          basePath={basePath}
          params={view.params}
          presets={view.presets}
          issueCount={negotiation.issueCount}
          partyCount={view.partyOptions.length}
        />
        <MatrixFilters basePath={basePath} issues={view.issueOptions} parties={view.partyOptions} params={view.params} />
        <AsOfControl basePath={basePath} params={view.params} ticks={view.ticks} latest={negotiation.asOf} />
      </div>
      <p className="result-count" role="status">
        Showing {page.rowCount} of {negotiation.issueCount} issues and {matrix.parties.length} of {view.partyOptions.length} parties
        {page.pageCount > 1
          ? `; rows ${(page.number - 1) * page.size + 1}–${(page.number - 1) * page.size + matrix.rows.length} on page ${page.number} of ${page.pageCount}`
          : ""}
        .{" "}
        <Link href={`${basePath}${otherDensity}`} data-testid="density">
          {detailed ? "Show compact cells" : "Show summaries in the cells"}
        </Link>
      </p>
      <MatrixKey />
      <MatrixTable
        slug={negotiation.slug}
        parties={matrix.parties.map(({ slug, name, kind, date }) => ({ slug, name, kind, date }))}
        rows={toTableRows(matrix, detailed)}
        sortedBy={sortParty(view.params.sort)}
        sortHrefs={Object.fromEntries(
          matrix.parties.map((p) => [
            p.slug,
            `${basePath}${toQueryString(toMatrixSearchParams({ ...view.params, sort: `party:${p.slug}`, page: 1 }))}`,
          ]),
        )}
        query={view.params.q}
        asOf={view.params.asOf}
      />
      <Pagination basePath={basePath} params={view.params} page={page} />
      <ExportLinks slug={negotiation.slug} params={view.params} />
      <EditorLinks slug={negotiation.slug} />
      <Legend scaleNote={negotiation.scaleNote} issues={matrix.rows.map((r) => r.issue)} />
    </>
  );
}

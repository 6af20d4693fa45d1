import { notFound } from "next/navigation";
import { ExportLinks } from "@/components/export-links";
import { Legend } from "@/components/legend";
import { MatrixFilters } from "@/components/matrix-filters";
import { MatrixTable } from "@/components/matrix-table";
import { Notices } from "@/components/notices";
import { NegotiationHeader } from "@/components/negotiation-header";
import { Pagination } from "@/components/pagination";
import { toMatrixSearchParams, toQueryString } from "@/lib/matrix-params";
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
  return (
    <>
      <NegotiationHeader
        negotiation={negotiation}
        current="matrix"
        query={toQueryString(toMatrixSearchParams({ ...view.params, page: 1 }))}
      />
      <Notices notices={notices} />
      <MatrixFilters basePath={basePath} issues={view.issueOptions} parties={view.partyOptions} params={view.params} />
      <ExportLinks slug={negotiation.slug} params={view.params} />
      <p className="result-count" role="status">
        Showing {page.rowCount} of {negotiation.issueCount} issues and {matrix.parties.length} of {view.partyOptions.length} parties
        {page.pageCount > 1
          ? `; rows ${(page.number - 1) * page.size + 1}–${(page.number - 1) * page.size + matrix.rows.length} on page ${page.number} of ${page.pageCount}`
          : ""}
        .
      </p>
      <MatrixTable matrix={matrix} />
      <Pagination basePath={basePath} params={view.params} page={page} />
      <Legend scaleNote={negotiation.scaleNote} issues={matrix.rows.map((r) => r.issue)} />
    </>
  );
}

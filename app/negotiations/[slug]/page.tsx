import { notFound } from "next/navigation";
import { ExportLinks } from "@/components/export-links";
import { Legend } from "@/components/legend";
import { MatrixFilters } from "@/components/matrix-filters";
import { MatrixTable } from "@/components/matrix-table";
import { Notices } from "@/components/notices";
import { NegotiationHeader } from "@/components/negotiation-header";
import { toMatrixSearchParams, toQueryString } from "@/lib/matrix-params";
import { getMatrixView } from "@/lib/queries/matrix-view";
import { negotiationMetadata, type TNegotiationPageProps } from "./page-props";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata();

export default async function NegotiationPage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const view = await getMatrixView(slug, raw);
  if (!view) notFound();
  const { negotiation, matrix, notices } = view;
  return (
    <>
      <NegotiationHeader negotiation={negotiation} current="matrix" query={toQueryString(toMatrixSearchParams(view.params))} />
      <Notices notices={notices} />
      <MatrixFilters
        basePath={`/negotiations/${negotiation.slug}`}
        issues={negotiation.issues.map(({ slug, name }) => ({ slug, name }))}
        parties={negotiation.parties.map(({ slug, name }) => ({ slug, name }))}
        params={view.params}
      />
      <ExportLinks slug={negotiation.slug} params={view.params} />
      <p className="result-count" role="status">
        Showing {matrix.rows.length} of {negotiation.issues.length} issues and {matrix.parties.length} of{" "}
        {negotiation.parties.length} parties.
      </p>
      <MatrixTable matrix={matrix} />
      <Legend scaleNote={negotiation.scaleNote} issues={matrix.rows.map((r) => r.issue)} />
    </>
  );
}

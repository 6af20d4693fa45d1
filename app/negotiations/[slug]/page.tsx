import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExportLinks } from "@/components/export-links";
import { Legend } from "@/components/legend";
import { MatrixFilters } from "@/components/matrix-filters";
import { MatrixTable } from "@/components/matrix-table";
import { Notices } from "@/components/notices";
import { NegotiationHeader } from "@/components/negotiation-header";
import { toMatrixSearchParams, toQueryString } from "@/lib/matrix-params";
import { getNegotiation } from "@/lib/queries/negotiations";
import { getMatrixView } from "@/lib/queries/matrix-view";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const negotiation = await getNegotiation((await params).slug);
  return { title: negotiation?.title ?? "Negotiation not found" };
}

export default async function NegotiationPage({ params, searchParams }: TProps) {
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

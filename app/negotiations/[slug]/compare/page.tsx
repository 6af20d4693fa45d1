import { notFound } from "next/navigation";
import { ComparePickers } from "@/components/compare-pickers";
import { CompareTable } from "@/components/compare-table";
import { NegotiationHeader } from "@/components/negotiation-header";
import { getCompareView } from "@/lib/queries/matrix-view";
import { negotiationMetadata, type TNegotiationPageProps } from "../page-props";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata("Compare");

export default async function ComparePage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const view = getCompareView(slug, raw);
  if (!view) notFound();
  const { negotiation, comparison } = view;
  const hasAnyChoice = view.params.a !== null || view.params.b !== null || Object.keys(raw).length > 0;
  return (
    <>
      <NegotiationHeader negotiation={negotiation} current="compare" query="" />
      <h2>Compare two parties</h2>
      <ComparePickers parties={view.parties} a={view.params.a} b={view.params.b} />
      {comparison ? (
        <>
          <p className="exports">
            <a href={`/negotiations/${slug}/compare.csv?a=${comparison.a.slug}&b=${comparison.b.slug}`} download data-testid="compare-csv">
              Download this comparison as CSV
            </a>
          </p>
          <CompareTable comparison={comparison} />
        </>
      ) : (
        <div className={hasAnyChoice ? "notice" : "hint"} role="status" data-testid="compare-message">
          {hasAnyChoice ? view.params.problems.map((p) => <p key={p}>{p}</p>) : <p>Choose two parties to see them side by side.</p>}
        </div>
      )}
    </>
  );
}

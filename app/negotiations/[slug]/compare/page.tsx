import Link from "next/link";
import { notFound } from "next/navigation";
import { Notices } from "@/components/notices";
import { describeLargestGaps } from "@/lib/analysis/compare";
import { toCompareQuery } from "@/lib/params/compare-params";
import { describeAgreement } from "@/lib/analysis/divergence";
import { toMatrixSearchParams } from "@/lib/params/matrix-params";
import { ComparePickers } from "@/components/compare-pickers";
import { CompareTable } from "@/components/compare-table";
import { NegotiationHeader } from "@/components/negotiation-header";
import { getCompareView } from "@/lib/read/compare-view";
import { negotiationMetadata, type TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";
import { href } from "@/lib/params/urls";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata("Compare");

export default async function ComparePage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const view = await getCompareView(slug, raw);
  if (!view) notFound();
  const { negotiation, comparison, params: chosen } = view;
  const filters = toMatrixSearchParams(view.filters);
  const base = href("compare", { slug });
  const link = (change: Partial<typeof chosen>) => `${base}${toCompareQuery({ ...chosen, ...change }, filters)}`;
  const hasAnyChoice = chosen.a !== null || chosen.b !== null || Object.keys(raw).length > 0;
  return (
    <>
      <NegotiationHeader negotiation={negotiation} current="compare" query="" asOf={view.filters.asOf} />
      <h2>Compare two parties</h2>
      <Notices notices={view.notices} />
      <ComparePickers parties={view.parties} a={chosen.a} b={chosen.b} keep={filters} />
      {comparison ? (
        <>
          <p className="compare-summary" data-testid="compare-summary">
            {comparison.a.name} and {comparison.b.name}:{" "}
            <strong data-testid="compare-agreement">{describeAgreement(comparison.pair)}</strong>. Same on {comparison.counts.same},
            different on {comparison.counts.different}, unknown on {comparison.counts.unknown}. {describeLargestGaps(comparison.rows)}
          </p>
          <nav className="compare-options" aria-label="How to show the comparison">
            <ul>
              <li>
                {chosen.order === "gap" ? (
                  <Link href={link({ order: "issue" })}>Order by issue</Link>
                ) : (
                  <Link href={link({ order: "gap" })}>Order by gap, largest first</Link>
                )}
              </li>
              <li>
                {chosen.differencesOnly ? (
                  <Link href={link({ differencesOnly: false })}>Show every issue</Link>
                ) : (
                  <Link href={link({ differencesOnly: true })}>Differences only</Link>
                )}
              </li>
              <li>
                {chosen.allDetails ? (
                  <Link href={link({ allDetails: false })}>Summaries one row at a time</Link>
                ) : (
                  <Link href={link({ allDetails: true })}>Show every summary and source</Link>
                )}
              </li>
              <li>
                {chosen.wordDiff ? (
                  <Link href={link({ wordDiff: false })}>Hide word-level differences</Link>
                ) : (
                  <Link href={link({ wordDiff: true })}>Show word-level differences</Link>
                )}
              </li>
            </ul>
          </nav>
          <p className="exports">
            <a
              href={href("compareCsv", { slug }, toCompareQuery({ ...chosen, wordDiff: false, allDetails: false }, filters))}
              download
              data-testid="compare-csv"
            >
              Download this comparison as CSV
            </a>
          </p>
          <CompareTable comparison={comparison} wordDiff={chosen.wordDiff} allDetails={chosen.allDetails} />
        </>
      ) : (
        <div className={hasAnyChoice ? "notice" : "hint"} role="status" data-testid="compare-message">
          {hasAnyChoice ? chosen.problems.map((p) => <p key={p}>{p}</p>) : <p>Choose two parties to see them side by side.</p>}
        </div>
      )}
    </>
  );
}

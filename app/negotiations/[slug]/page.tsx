import Link from "next/link";
import { notFound } from "next/navigation";
import { EditorLinks } from "@/components/editor-links";
import { ContestedFilter } from "@/components/contested-filter";
import { ExportLinks } from "@/components/export-links";
import { Legend } from "@/components/legend";
import { MatrixTable } from "@/components/matrix-table";
import { MatrixToolbar } from "@/components/matrix-toolbar";
import { Notices } from "@/components/notices";
import { NegotiationHeader } from "@/components/negotiation-header";
import { Pagination } from "@/components/pagination";
import { formatDate } from "@/lib/domain/format";
import { toTableRows } from "@/lib/analysis/matrix";
import { sortParty, toMatrixSearchParams, toQueryString } from "@/lib/params/matrix-params";
import { getMatrixView } from "@/lib/read/matrix-view";
import { describeSearch, describeView } from "@/lib/params/view-summary";
import { negotiationMetadata, type TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";
import { href } from "@/lib/params/urls";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata();

/**
 * The matrix, on the first screen: the title and tabs, one toolbar (search, sort, and panels for the
 * filters, the date, the key and the dossier's description), one line saying what is shown, then
 * the matrix; the exports and the long explanations follow it.
 */
export default async function NegotiationPage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const view = await getMatrixView(slug, raw);
  if (!view) notFound();
  const { negotiation, matrix, notices, page } = view;
  const basePath = href("matrix", { slug: negotiation.slug });
  const detailed = view.params.density === "detailed";
  const asOf = view.params.asOf;
  return (
    <>
      <NegotiationHeader
        negotiation={negotiation}
        current="matrix"
        query={toQueryString(toMatrixSearchParams({ ...view.params, page: 1 }))}
        asOf={asOf}
        compact
      />
      <Notices notices={notices} />
      <MatrixToolbar view={view} basePath={basePath} />
      <p className={`view-line${asOf ? " as-of" : ""}`} role="status" data-testid="view-line">
        {asOf ? (
          <>
            <strong>As it stood on {formatDate(asOf)}</strong> (
            <Link href={`${basePath}${toQueryString(toMatrixSearchParams({ ...view.params, asOf: null, page: 1 }))}`}>show the latest</Link>
            ):{" "}
          </>
        ) : (
          <>Latest data (to {formatDate(negotiation.asOf)}): </>
        )}
        {describeView(view.params, {
          rows: page.rowCount,
          issueCount: negotiation.issueCount,
          shownParties: matrix.parties,
          partyCount: view.partyOptions.length,
          page: { number: page.number, size: page.size, pageCount: page.pageCount, rowsOnPage: matrix.rows.length },
        })}
        {view.search ? (
          <>
            {" "}
            <span data-testid="search-summary">{describeSearch(view.params.q, view.search, matrix.parties)}</span>
          </>
        ) : null}
        <ContestedFilter basePath={basePath} params={view.params} contested={view.contested} />
      </p>
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
        asOf={asOf}
        detailed={detailed}
      />
      <Pagination basePath={basePath} params={view.params} page={page} />
      <ExportLinks slug={negotiation.slug} params={view.params} />
      {view.openPoints.length > 0 && (
        <p className="meta" data-testid="open-points">
          Open points of the drafts on {view.params.issues ? "the issues shown" : "every issue"}:{" "}
          {view.openPoints.map((d, index) => (
            <span key={d.draft}>
              {index > 0 ? "; " : ""}
              {d.name} {d.open} of {d.of}
            </span>
          ))}
          .{" "}
          <Link href={href("drafts", { slug: negotiation.slug }, { issues: view.params.issues?.join(","), asOf })}>
            Which point became which
          </Link>
        </p>
      )}
      <EditorLinks slug={negotiation.slug} />
      <section className="below-matrix" aria-labelledby="about-title">
        <h2 id="about-title">About this dossier</h2>
        <p className="lede">{negotiation.summary}</p>
      </section>
      <Legend scaleNote={negotiation.scaleNote} issues={matrix.rows.map((r) => r.issue)} />
    </>
  );
}

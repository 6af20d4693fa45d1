import Link from "next/link";
import { notFound } from "next/navigation";
import { Notices } from "@/components/notices";
import { SourceEntry } from "@/components/numbered-sources";
import { formatDate } from "@/lib/domain/format";
import { readParam } from "@/lib/params/matrix-params";
import { getBibliography } from "@/lib/read/sources-view";
import { negotiationMetadata, type TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";
import { href } from "@/lib/params/urls";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata("Sources");

/** The negotiation's numbered bibliography: each source once; cells cite these numbers. */
export default async function SourcesPage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const asked = readParam(raw, "page") ?? "1";
  const page = /^\d{1,7}$/.test(asked) ? Number(asked) : 1;
  const view = await getBibliography(slug, page);
  if (!view) notFound();
  const notices = String(view.page) === asked ? [] : [`Ignored page “${asked.slice(0, 40)}”; showing page ${view.page}.`];
  return (
    <article>
      <p className="breadcrumbs">
        <Link href={href("matrix", { slug })}>{view.negotiation.title}</Link> › Sources
      </p>
      <h1>Sources</h1>
      <Notices notices={notices} />
      <p>
        {view.total} sources, numbered in the order the dossier first cites them. Data as of {formatDate(view.negotiation.asOf)}.
      </p>
      <ol className="bibliography" start={view.sources[0]?.number ?? 1}>
        {view.sources.map((source) => (
          <li key={source.number} id={`source-${source.number}`}>
            <SourceEntry source={source} />
          </li>
        ))}
      </ol>
      {view.pageCount > 1 && (
        <nav className="pagination" aria-label="Pages of sources">
          {view.page > 1 && <Link href={href("sources", { slug }, { page: view.page - 1 })}>Previous page</Link>} Page {view.page} of{" "}
          {view.pageCount} {view.page < view.pageCount && <Link href={href("sources", { slug }, { page: view.page + 1 })}>Next page</Link>}
        </nav>
      )}
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeWords, LinkSources, PointRef, PointStatus } from "@/components/lineage";
import { NegotiationHeader } from "@/components/negotiation-header";
import { Notices } from "@/components/notices";
import { SourceLinks } from "@/components/source-links";
import type { TSource } from "@/lib/cells/schema";
import { formatDate } from "@/lib/domain/format";
import { describeCoverage, isNeverSeen, STATUS_WORDS, type TLink } from "@/lib/lineage/lineage";
import { toAsOfQuery } from "@/lib/params/matrix-params";
import { href } from "@/lib/params/urls";
import { getPointView, type TPointView } from "@/lib/read/lineage-view";
import { checkEditRight } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { PointEditForms } from "@/components/point-edit-forms";
import { editLink, editPoint } from "@/app/negotiations/[slug]/drafts/[draft]/points/[number]/actions";

export const dynamic = "force-dynamic";

/** "Latvian" for "lv"; the tag itself where the runtime has no name for it. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

type TProps = {
  params: Promise<{ slug: string; draft: string; number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const { slug, draft, number } = await params;
  const view = await getPointView(slug, draft, number, await searchParams);
  if (!view) return { title: "Point not found" };
  return { title: `${view.draft.name}, point ${view.point.number}: ${view.negotiation.title}` };
}

/** A point's permalink: its text as the press rendered it, its status and sources, and every link into and out of it. */
export default async function PointPage({ params, searchParams }: TProps) {
  const { slug, draft, number } = await params;
  const raw = await searchParams;
  const view = await getPointView(slug, draft, number, raw);
  if (!view) notFound();
  const { point, asOf } = view;
  const viewer = await getViewer();
  const mayEdit = viewer !== null && (await checkEditRight(viewer, view.negotiation.id)) === null;
  const address = { slug, draft: view.draft.slug, number: point.number };
  const saved = typeof raw.saved === "string" ? raw.saved : null;
  const error = typeof raw.error === "string" ? raw.error : null;
  const issueName = (issue: string) => view.issues.find((i) => i.slug === issue)?.name ?? issue;
  const notices = [
    ...view.notices,
    ...(asOf !== null && view.draft.publishedOn > asOf
      ? [`${view.draft.name} was not yet published on ${asOf}; its point is shown as recorded.`]
      : []),
  ];
  return (
    <>
      <NegotiationHeader negotiation={view.negotiation} current="drafts" query="" asOf={asOf} />
      <p className="meta">
        <Link href={href("drafts", { slug }, { from: view.draft.slug, asOf })}>Which point became which</Link> › {view.draft.name}
      </p>
      <h2 data-testid="point-title">
        {view.draft.name}, point {point.number}: {isNeverSeen(point) ? "never seen" : point.title}
      </h2>
      <Notices notices={notices} />
      {saved && (
        <p className="notice" role="status" data-testid="point-saved">
          A new version of this {saved === "link" ? "link" : "point"} is recorded, with your name and reason; it is in the change log.
        </p>
      )}
      {error && (
        <div className="notice" role="alert" data-testid="point-error">
          <p className="notice-title">Nothing was changed:</p>
          <p>{error.slice(0, 2000)}</p>
        </div>
      )}
      <p>
        Status: <PointStatus point={point} full />
        {point.statusDate ? ` (${point.statusDate})` : ""}.
      </p>
      {point.text === null ? (
        <p className="notice" data-testid="point-unseen">
          {isNeverSeen(point)
            ? "Nobody could see this point's wording: no rendering of it was found. It is kept on file as unknown, not reconstructed."
            : "The point is reported to exist, but its wording was not published."}
        </p>
      ) : (
        <figure className="point-text">
          <figcaption className="meta">
            {point.isVerbatim ? "Verbatim, as the press rendered it" : "Paraphrase, naming the outlet paraphrased"}
            {point.language ? ` (in ${languageName(point.language)}; an English paraphrase follows)` : ""}
            {point.isComplete ? "" : "; the rendering seen was cut short"}:
          </figcaption>
          <blockquote lang={point.language ?? undefined} data-testid="point-text">
            {point.text}
          </blockquote>
          {point.textEn && <p data-testid="point-text-en">In English: {point.textEn}</p>}
        </figure>
      )}
      <p>
        Concerns:{" "}
        {point.issues.length === 0
          ? "no issue of the matrix."
          : point.issues.map((issue, index) => (
              <span key={issue}>
                {index > 0 ? ", " : ""}
                <Link href={href("issue", { slug, issue }, toAsOfQuery(asOf))}>{issueName(issue)}</Link>
              </span>
            ))}
      </p>
      {point.notes && <p className="meta">{point.notes}</p>}
      <h3>Sources</h3>
      <SourceLinks sources={point.sources} />
      <LinkList title="Where it came from" links={view.into} view={view} side="from" />
      <LinkList title="What became of it" links={view.out} view={view} side="to" />
      <h3>History of this point</h3>
      <ol className="point-history" data-testid="point-history">
        {view.history.map((v, index) => (
          <li key={index}>
            {v.title}, {STATUS_WORDS[v.status as keyof typeof STATUS_WORDS] ?? v.status}
            {v.statusNote ? ` (${v.statusNote})` : ""}: recorded {v.recordedAt.slice(0, 10)}
            {v.author ? ` by ${v.author}` : " from the dossier"}
            {v.reason ? `, because: ${v.reason}` : ""}.
          </li>
        ))}
      </ol>
      <h3>The draft</h3>
      <p>
        {view.draft.name}, {view.draft.date}: {describeCoverage(view.draft)}.{" "}
        {view.draft.fullText ? "A full text was published in the press." : "No full text was published."}
      </p>
      {view.draft.notes && <p className="meta">{view.draft.notes}</p>}
      <p className="meta">Known first on {formatDate(view.draft.publishedOn)}.</p>
      {mayEdit && <PointEditForms view={view} editPoint={editPoint.bind(null, address)} editLink={editLink.bind(null, address)} />}
    </>
  );
}

function LinkList({ title, links, view, side }: { title: string; links: TLink<TSource>[]; view: TPointView; side: "from" | "to" }) {
  const slug = view.negotiation.slug;
  return (
    <section aria-labelledby={`links-${side}`}>
      <h3 id={`links-${side}`}>{title}</h3>
      {links.length === 0 ? (
        <p className="meta" data-testid={`no-links-${side}`}>
          No link on file{side === "to" ? ": what became of this point is unknown." : "."}
        </p>
      ) : (
        <ul className="point-links" data-testid={`links-${side}`}>
          {links.map((link, index) => {
            const draft = side === "from" ? link.fromDraft : link.toDraft;
            const number = side === "from" ? link.fromPoint : link.toPoint;
            const other = view.drafts.find((d) => d.slug === draft);
            const point = number === null ? undefined : other?.points.find((p) => p.number === number);
            return (
              <li key={index}>
                <p>
                  {other?.name ?? draft}:{" "}
                  {point ? <PointRef slug={slug} draft={draft} point={point} asOf={view.asOf} /> : <span>no successor point</span>}
                </p>
                <ChangeWords link={link} />
                <LinkSources sources={link.sources} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

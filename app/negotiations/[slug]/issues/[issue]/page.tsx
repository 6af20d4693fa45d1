import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { PositionScale, StepLabel } from "@/components/position-scale";
import { StatusIcons } from "@/components/score-mark";
import { formatDate, formatDateText, formatScore } from "@/lib/domain/format";
import { Notices } from "@/components/notices";
import { ShownDate } from "@/components/negotiation-header";
import { cellHref, href } from "@/lib/params/urls";
import { parseAsOf, toAsOfQuery } from "@/lib/params/matrix-params";
import { getIssueView } from "@/lib/read/entity-views";
import { ChangeWords, PointRef } from "@/components/lineage";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ slug: string; issue: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { slug, issue } = await params;
  const view = await getIssueView(slug, issue);
  return { title: view ? `${view.issue.name}: ${view.negotiation.title}` : "Page not found" };
}

/** The permanent page of an issue: its scale, every party's position side by side, how far they diverge. */
export default async function IssuePage({ params, searchParams }: TProps) {
  const [{ slug, issue: issueSlug }, raw] = await Promise.all([params, searchParams]);
  const notices: string[] = [];
  const view = await getIssueView(slug, issueSlug, parseAsOf(raw, notices));
  if (!view) notFound();
  const { negotiation, issue, cells, divergence, neighbours, asOf } = view;
  const draftName = (draft: string) => view.lineage.names[draft] ?? draft;
  const shown = cells.filter((c) => !c.unpublished).length;
  return (
    <article className="issue-page">
      <p className="breadcrumbs">
        <Link href={href("matrix", { slug: negotiation.slug }, toAsOfQuery(asOf))}>{negotiation.title}</Link> › Issue
      </p>
      <Notices notices={notices} />
      <h1>{issue.name}</h1>
      <ShownDate negotiation={negotiation} asOf={asOf} latestHref={href("issue", { slug: negotiation.slug, issue: issue.slug })} />
      <p>{issue.description}</p>
      {issue.isCore && <p className="meta">A core issue of these talks.</p>}
      <h2>The scale</h2>
      <p>Each step of this issue&apos;s scale stands for an option that was on the table:</p>
      <dl className="facts scale-ladder" data-testid="issue-steps">
        {issue.steps.map((step) => (
          <Fragment key={step.score}>
            <dt>{formatScore(step.score)}</dt>
            <dd>
              <StepLabel step={step} />
            </dd>
          </Fragment>
        ))}
      </dl>
      <h2>How far the parties diverge</h2>
      <p data-testid="issue-divergence">
        {divergence.spread === null
          ? `Fewer than two parties have a known score here (${divergence.scored} of ${shown}), so no spread is given.`
          : `Spread ${divergence.spread} of 4 steps between the lowest and highest known scores, over ${divergence.scored} of ${shown} parties with a known score; standard deviation ${divergence.stdev?.toFixed(2)}. Unknown positions are left out, never counted as 0.`}
      </p>
      <h2>Every party&apos;s position</h2>
      <ul className="issue-positions">
        {cells.map(({ party, position, unpublished }) => (
          <li key={party.slug}>
            <h3>
              <Link href={cellHref(negotiation.slug, issue.slug, party.slug, asOf)}>{party.name}</Link>{" "}
              <span className="party-meta">
                {party.kind === "document" ? "Document" : "Actor"}, {formatDateText(party.date)}
              </span>
            </h3>
            {position ? (
              <>
                <p className="cell-page-label">
                  {position.label} <StatusIcons status={position.status} confidence={position.confidence} />
                </p>
                <PositionScale score={position.score} issue={issue} />
                <p>{position.summary}</p>
              </>
            ) : (
              <p className="missing">
                {unpublished ? `Not yet published on ${formatDate(asOf!)}.` : asOf ? "No version recorded by that day." : "No data."}
              </p>
            )}
          </li>
        ))}
      </ul>
      {view.lineage.drafts.length > 0 && (
        <section aria-labelledby="issue-lineage" data-testid="issue-lineage">
          <h2 id="issue-lineage">The drafts&apos; points on this issue, and what became of them</h2>
          <ul>
            {view.lineage.drafts.map((d) => (
              <li key={d.slug}>
                <strong>{d.name}</strong>:{" "}
                {d.points.map((p, index) => (
                  <Fragment key={p.number}>
                    {index > 0 ? "; " : ""}
                    <PointRef slug={negotiation.slug} draft={d.slug} point={p} asOf={asOf} />
                  </Fragment>
                ))}
              </li>
            ))}
          </ul>
          {view.lineage.links.length > 0 && (
            <ul className="point-links">
              {view.lineage.links.map((l, index) => (
                <li key={index}>
                  {draftName(l.fromDraft)} {l.fromPoint ?? "(no earlier point)"} → {draftName(l.toDraft)} {l.toPoint ?? "(no successor)"}:{" "}
                  <ChangeWords link={l} />
                </li>
              ))}
            </ul>
          )}
          <p className="meta">
            <Link href={href("drafts", { slug: negotiation.slug }, { issues: issue.slug, asOf })}>Compare the drafts point by point</Link>
          </p>
        </section>
      )}
      <nav className="neighbours" aria-label="Neighbouring issues">
        <ul>
          {neighbours.previous && (
            <li>
              <Link href={href("issue", { slug: negotiation.slug, issue: neighbours.previous.slug }, toAsOfQuery(asOf))} rel="prev">
                ↑ {neighbours.previous.name}
              </Link>
            </li>
          )}
          {neighbours.next && (
            <li>
              <Link href={href("issue", { slug: negotiation.slug, issue: neighbours.next.slug }, toAsOfQuery(asOf))} rel="next">
                ↓ {neighbours.next.name}
              </Link>
            </li>
          )}
        </ul>
      </nav>
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScoreMark, StatusIcons } from "@/components/score-mark";
import { formatDate, formatDateText } from "@/lib/domain/format";
import { Notices } from "@/components/notices";
import { ShownDate } from "@/components/negotiation-header";
import { cellHref, href } from "@/lib/params/urls";
import { parseAsOf, toAsOfQuery } from "@/lib/params/matrix-params";
import { getPartyView } from "@/lib/read/entity-views";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ slug: string; party: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { slug, party } = await params;
  const view = await getPartyView(slug, party);
  return { title: view ? `${view.party.name}: ${view.negotiation.title}` : "Page not found" };
}

/** The permanent page of a party: who or what it is, how its text is known, and all its positions. */
export default async function PartyPage({ params, searchParams }: TProps) {
  const [{ slug, party: partySlug }, raw] = await Promise.all([params, searchParams]);
  const notices: string[] = [];
  const view = await getPartyView(slug, partySlug, parseAsOf(raw, notices));
  if (!view) notFound();
  const { negotiation, party, rows, issueCount, counts, asOf } = view;
  return (
    <article className="party-page">
      <p className="breadcrumbs">
        <Link href={href("matrix", { slug: negotiation.slug }, toAsOfQuery(asOf))}>{negotiation.title}</Link> › Party
      </p>
      <Notices notices={notices} />
      <h1>{party.name}</h1>
      <ShownDate negotiation={negotiation} asOf={asOf} latestHref={href("party", { slug: negotiation.slug, party: party.slug })} />
      {view.unpublished && (
        <p className="notice" role="status">
          Not yet published on {formatDate(asOf!)}: this document dates from {formatDateText(party.date)}, so it had no positions then.
        </p>
      )}
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{party.kind === "document" ? "A document (a draft or proposal)" : "An actor (its stated positions)"}</dd>
        <dt>Date</dt>
        <dd>{formatDateText(party.date)}</dd>
        <dt>Who, and how the text is known</dt>
        <dd>{party.description}</dd>
        <dt>Positions</dt>
        <dd>
          {counts.scored} scored, {counts.unknown} unknown (never counted as 0)
        </dd>
      </dl>
      <p>
        <Link href={href("matrix", { slug: negotiation.slug }, { parties: party.slug, asOf })}>This party alone in the matrix</Link>
      </p>
      <h2>Its positions</h2>
      {rows.length < issueCount && (
        <p className="notice">
          The first {rows.length} of {issueCount} issues are listed; the matrix filtered to this party shows them all.
        </p>
      )}
      <table className="party-positions">
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Score</th>
            <th scope="col">Position</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ issue, position }) => (
            <tr key={issue.slug}>
              <th scope="row">
                <Link href={href("issue", { slug: negotiation.slug, issue: issue.slug })}>{issue.name}</Link>
              </th>
              <td>{position ? <ScoreMark score={position.score} /> : "—"}</td>
              <td>
                {position ? (
                  <>
                    <Link href={cellHref(negotiation.slug, issue.slug, party.slug, asOf)}>{position.label || issue.name}</Link>{" "}
                    <StatusIcons status={position.status} confidence={position.confidence} />
                  </>
                ) : (
                  <span className="missing">{asOf ? "No record on that day" : "No data"}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

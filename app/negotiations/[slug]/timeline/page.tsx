import Link from "next/link";
import { notFound } from "next/navigation";
import { NegotiationHeader } from "@/components/negotiation-header";
import { NumberedSources } from "@/components/numbered-sources";
import { formatDate } from "@/lib/domain/format";
import { isCalendarDay } from "@/lib/domain/dates";
import { getTimelineView } from "@/lib/read/sources-view";
import { sourceHref, href } from "@/lib/params/urls";
import { negotiationMetadata, type TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata("Timeline");

/**
 * The negotiation's dated events, oldest first, each with its sources from the one bibliography and
 * a link to the matrix as it stood that day; then the dated facts of the context, with how far
 * each is verified.
 */
export default async function TimelinePage({ params }: TNegotiationPageProps) {
  const { slug } = await params;
  const view = await getTimelineView(slug);
  if (!view) notFound();
  const { negotiation, events, total, facts } = view;
  return (
    <>
      <NegotiationHeader negotiation={negotiation} current="timeline" query="" />
      <h2>Timeline</h2>
      {events.length === 0 ? (
        <p className="meta">No events are recorded for this negotiation.</p>
      ) : (
        <>
          {total > events.length && (
            <p className="notice">
              The first {events.length} of {total} events are shown.
            </p>
          )}
          <ol className="timeline" data-testid="timeline">
            {events.map((event, index) => (
              <li key={index} id={event.slug ? `event-${event.slug}` : undefined}>
                <p className="timeline-date">
                  <time dateTime={event.date}>{formatDate(event.date)}</time>
                </p>
                <h3>{event.title}</h3>
                <p>{event.summary}</p>
                {isCalendarDay(event.date) && (
                  <p>
                    <Link href={href("matrix", { slug }, { asOf: event.date })}>The matrix as it stood that day</Link> ·{" "}
                    <Link href={href("changes", { slug }, { to: event.date })}>What had changed by then</Link>
                  </p>
                )}
                <NumberedSources sources={event.sources} hrefOf={(number) => sourceHref(slug, number)} />
              </li>
            ))}
          </ol>
        </>
      )}
      <h2>Context: dated facts</h2>
      {facts.length === 0 ? (
        <p className="meta">No context facts are recorded for this negotiation.</p>
      ) : (
        <ul className="timeline facts-list" data-testid="facts">
          {facts.map((fact, index) => (
            <li key={index}>
              <p className="timeline-date">
                As reported on <time dateTime={fact.date}>{formatDate(fact.date)}</time>
              </p>
              <h3>{fact.title}</h3>
              <p>{fact.summary}</p>
              <p>
                <strong>Verification:</strong> {fact.verification}
              </p>
              <NumberedSources sources={fact.sources} hrefOf={(number) => sourceHref(slug, number)} />
            </li>
          ))}
        </ul>
      )}
      <p className="meta">
        Sources are numbered in the negotiation&apos;s <Link href={href("sources", { slug })}>bibliography</Link>.
      </p>
    </>
  );
}

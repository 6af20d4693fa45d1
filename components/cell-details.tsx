import Link from "next/link";
import { STATUS_LABELS } from "@/lib/domain";
import { cellHref } from "@/lib/matrix";
import { formatDate, formatDateText } from "@/lib/format";
import { sourceHref, type TCellView } from "@/lib/queries/entity-views";
import { CiteThis } from "./cite-this";
import { NumberedSources } from "./numbered-sources";
import { PositionScale } from "./position-scale";

/** Everything about one cell: what the position is, how it is known, its sources, and how to cite it. */
export function CellDetails({ view, accessed }: { view: TCellView; accessed: string }) {
  const { negotiation, issue, party, position, sources, neighbours } = view;
  const base = `/negotiations/${negotiation.slug}`;
  const permalink = cellHref(negotiation.slug, issue.slug, party.slug);
  return (
    <article className="cell-page" data-testid="cell-details">
      <p className="breadcrumbs">
        <Link href={base}>{negotiation.title}</Link> › <Link href={`${base}/issues/${issue.slug}`}>{issue.name}</Link> ›{" "}
        <Link href={`${base}/parties/${party.slug}`}>{party.name}</Link>
      </p>
      <h1>
        {party.name} on {issue.name}
      </h1>
      {position ? (
        <>
          <p className="cell-page-label">{position.label}</p>
          <PositionScale score={position.score} issue={issue} />
          <dl className="facts">
            <dt>Status</dt>
            <dd>{STATUS_LABELS[position.status]}</dd>
            <dt>Confidence</dt>
            <dd>{position.confidence}</dd>
            <dt>Position as of</dt>
            <dd>{position.asOf ? formatDateText(position.asOf) : "unknown"}</dd>
          </dl>
          <h2>Summary</h2>
          <p>{position.summary}</p>
          {position.quote && (
            <>
              <h2>Quote</h2>
              <blockquote>{position.quote}</blockquote>
            </>
          )}
          {position.notes && (
            <>
              <h2>Notes</h2>
              <p>{position.notes}</p>
            </>
          )}
          <h2>Sources</h2>
          <NumberedSources sources={sources} hrefOf={(number) => sourceHref(negotiation.slug, number)} />
        </>
      ) : (
        <p className="missing">This cell has no data.</p>
      )}
      <h2>The party</h2>
      <p>
        <Link href={`${base}/parties/${party.slug}`}>{party.name}</Link>: {party.kind === "document" ? "a document" : "an actor"},{" "}
        {formatDateText(party.date)}. {party.description}
      </p>
      <p className="meta">Data as of {formatDate(negotiation.asOf)}.</p>
      <nav className="neighbours" aria-label="Neighbouring cells">
        <ul>
          {neighbours.left && (
            <li>
              <Link href={cellHref(negotiation.slug, issue.slug, neighbours.left.slug)} rel="prev">
                ← {neighbours.left.name}
              </Link>
            </li>
          )}
          {neighbours.right && (
            <li>
              <Link href={cellHref(negotiation.slug, issue.slug, neighbours.right.slug)} rel="next">
                {neighbours.right.name} →
              </Link>
            </li>
          )}
          {neighbours.up && (
            <li>
              <Link href={cellHref(negotiation.slug, neighbours.up.slug, party.slug)}>↑ {neighbours.up.name}</Link>
            </li>
          )}
          {neighbours.down && (
            <li>
              <Link href={cellHref(negotiation.slug, neighbours.down.slug, party.slug)}>↓ {neighbours.down.name}</Link>
            </li>
          )}
        </ul>
      </nav>
      <CiteThis
        path={permalink}
        text={`${party.name}, position on “${issue.name}”. In: ${negotiation.title}, data as of ${formatDate(negotiation.asOf)}. Negotiation positions. {permalink} (accessed ${formatDate(accessed)}).`}
      />
    </article>
  );
}

import Link from "next/link";
import { STATUS_LABELS } from "@/lib/domain/words";
import { cellHref, href } from "@/lib/params/urls";
import { formatDate, formatDateText, formatScore } from "@/lib/domain/format";
import { BASIS_WORDS } from "@/lib/redlines/line";
import { sourceHref } from "@/lib/params/urls";
import { type TCellView } from "@/lib/read/entity-views";
import { CellHistory } from "@/components/cell-history";
import { CellReadings } from "@/components/cell-readings";
import { CiteThis } from "@/components/cite-this";
import { Highlighted } from "@/components/highlighted";
import { NumberedSources } from "@/components/numbered-sources";
import { PositionScale } from "@/components/position-scale";
import { PointRef } from "@/components/lineage";
import { computedConfidence, evidenceLevel, outletsOf, type TEvidence } from "@/lib/cells/confidence";
import type { TConfidence } from "@/lib/domain/words";

/** Everything about one cell: what the position is, how it is known, its sources, and how to cite it. */
export function CellDetails(props: { view: TCellView; accessed: string; editHref?: string | null; query?: string }) {
  const { view, accessed, editHref = null, query = "" } = props;
  const { negotiation, issue, party, position, sources, neighbours, asOf } = view;
  const slug = negotiation.slug;
  const permalink = cellHref(negotiation.slug, issue.slug, party.slug, asOf);
  const near = (issueSlug: string, partySlug: string) => cellHref(negotiation.slug, issueSlug, partySlug, asOf);
  const computed = position ? computedConfidence(position.evidence) : null;
  return (
    <article className="cell-page" data-testid="cell-details">
      <p className="breadcrumbs">
        <Link href={href("matrix", { slug })}>{negotiation.title}</Link> ›{" "}
        <Link href={href("issue", { slug, issue: issue.slug })}>{issue.name}</Link> ›{" "}
        <Link href={href("party", { slug, party: party.slug })}>{party.name}</Link>
      </p>
      <h1>
        {party.name} on {issue.name}
      </h1>
      {editHref ? (
        <p>
          <Link href={editHref} className="edit-link">
            Edit this position
          </Link>
        </p>
      ) : null}
      <p className={`meta shown-date${asOf ? " as-of" : ""}`} data-testid="shown-date">
        {asOf ? (
          <>
            <strong>As it stood on {formatDate(asOf)}</strong>: the version valid that day.{" "}
            <Link href={cellHref(negotiation.slug, issue.slug, party.slug)}>Show the latest version</Link>
          </>
        ) : (
          <>The latest version; the data runs to {formatDate(negotiation.asOf)}.</>
        )}
      </p>
      {view.unpublished ? (
        <p className="missing">
          {party.name} was not yet published on {formatDate(asOf!)} (its date: {formatDateText(party.date)}), so it had no position then.
        </p>
      ) : position ? (
        <>
          <p className="cell-page-label">
            <Highlighted text={position.label} query={query} />
          </p>
          <PositionScale score={position.score} issue={issue} />
          <dl className="facts">
            <dt>Status</dt>
            <dd>{STATUS_LABELS[position.status]}</dd>
            <dt>Confidence</dt>
            <dd data-testid="cell-confidence">
              {position.confidence} (the dossier&apos;s)
              {computed ? <>; {computed} by the stated rule</> : <>; not assessed by the stated rule</>}
            </dd>
            <dt>Position as of</dt>
            <dd>{position.asOf ? formatDateText(position.asOf) : "unknown"}</dd>
          </dl>
          <h2>Summary</h2>
          <p>
            <Highlighted text={position.summary} query={query} />
          </p>
          {position.quote && (
            <>
              <h2>Quote</h2>
              <blockquote>
                <Highlighted text={position.quote} query={query} />
              </blockquote>
            </>
          )}
          {position.notes && (
            <>
              <h2>Notes</h2>
              <p>
                <Highlighted text={position.notes} query={query} />
              </p>
            </>
          )}
          <CellReadings
            slug={slug}
            position={position}
            sources={sources}
            version={view.history.find((v) => v.id === view.shownVersionId)}
            query={query}
          />
          <h2>How sure: the evidence</h2>
          <Evidence evidence={position.evidence} computed={computed} confidence={position.confidence} reason={position.confidenceReason} />
          <h2>Sources</h2>
          <NumberedSources sources={sources} hrefOf={(number) => sourceHref(negotiation.slug, number)} query={query} />
        </>
      ) : (
        <p className="missing">
          {asOf ? `No version of this cell is recorded on or before ${formatDate(asOf)}.` : "This cell has no data."}
        </p>
      )}
      <h2>Red line</h2>
      {view.redLine ? (
        <p data-testid="cell-red-line">
          {party.name} {party.kind === "document" ? "adopts" : "has said it can accept"} steps {formatScore(view.redLine.min)} to{" "}
          {formatScore(view.redLine.max)} on this issue ({BASIS_WORDS[view.redLine.basis]};{" "}
          {view.redLine.validFrom ? `since ${formatDate(view.redLine.validFrom)}` : "start date not on file"}).{" "}
          <Link href={href("zones", { slug }, { parties: party.slug, asOf })}>Where the red lines meet</Link>
        </p>
      ) : (
        <p className="meta" data-testid="cell-red-line">
          No red line is on record for {party.name} on this issue{asOf ? ` on ${formatDate(asOf)}` : ""}.
        </p>
      )}
      {view.draftPoints && (
        <>
          <h2>The draft&apos;s points on this issue</h2>
          {view.draftPoints.points.length === 0 ? (
            <p className="meta" data-testid="cell-points">
              No point of {view.draftPoints.name} on file concerns this issue.
            </p>
          ) : (
            <ul className="point-list" data-testid="cell-points">
              {view.draftPoints.points.map((p) => (
                <li key={p.number}>
                  <PointRef slug={slug} draft={view.draftPoints!.draft} point={p} asOf={asOf} />
                </li>
              ))}
            </ul>
          )}
          <p className="meta">
            <Link href={href("drafts", { slug }, { from: view.draftPoints.draft, issues: issue.slug, asOf })}>
              What became of these points in the other drafts
            </Link>
          </p>
        </>
      )}
      <h2>History of this cell</h2>
      <CellHistory slug={negotiation.slug} issue={issue} history={view.history} shownId={view.shownVersionId} />
      <h2>The party</h2>
      <p>
        <Link href={href("party", { slug, party: party.slug })}>{party.name}</Link>: {party.kind === "document" ? "a document" : "an actor"}
        , {formatDateText(party.date)}. {party.description}
      </p>
      <nav className="neighbours" aria-label="Neighbouring cells">
        <ul>
          {neighbours.left && (
            <li>
              <Link href={near(issue.slug, neighbours.left.slug)} rel="prev">
                ← {neighbours.left.name}
              </Link>
            </li>
          )}
          {neighbours.right && (
            <li>
              <Link href={near(issue.slug, neighbours.right.slug)} rel="next">
                {neighbours.right.name} →
              </Link>
            </li>
          )}
          {neighbours.up && (
            <li>
              <Link href={near(neighbours.up.slug, party.slug)}>↑ {neighbours.up.name}</Link>
            </li>
          )}
          {neighbours.down && (
            <li>
              <Link href={near(neighbours.down.slug, party.slug)}>↓ {neighbours.down.name}</Link>
            </li>
          )}
        </ul>
      </nav>
      <CiteThis
        path={permalink}
        text={`${party.name}, position on “${issue.name}”${asOf ? ` as of ${formatDate(asOf)}` : ""}. In: ${negotiation.title}, data as of ${formatDate(negotiation.asOf)}. Negotiation positions. {permalink} (accessed ${formatDate(accessed)}).`}
      />
    </article>
  );
}

const AGREEMENT_WORDS = {
  high: "its readings agree (one step)",
  medium: "its readings differ by one step, or only in status",
  low: "its readings are two or more steps apart",
} as const;

/** The evidence the confidence rule reads, the confidence it computes, and the dossier's own with its reason where they differ. */
function Evidence(props: { evidence: TEvidence | null; computed: TConfidence | null; confidence: TConfidence; reason: string | null }) {
  const { evidence, computed, confidence, reason } = props;
  if (!evidence || !computed)
    return (
      <p className="meta" data-testid="cell-evidence">
        This version&apos;s evidence has not been assessed, so the <Link href={href("methods", {})}>stated rule</Link> gives no confidence
        for it; the dossier&apos;s own confidence is {confidence}.
      </p>
    );
  const outlets = outletsOf(evidence);
  return (
    <div data-testid="cell-evidence">
      <p>
        {outlets.length === 1 ? (
          <>
            <strong>One original source</strong>: {outlets[0]}; every other source cited relays or copies it.
          </>
        ) : (
          <>
            {outlets.length === 0 ? "No independent original" : `${outlets.length} independent originals`} ({evidenceLevel(outlets.length)}{" "}
            evidence){outlets.length > 0 ? `: ${outlets.join(", ")}` : ""}.
          </>
        )}{" "}
        Agreement {evidence.agreement}: {AGREEMENT_WORDS[evidence.agreement]}. By the <Link href={href("methods", {})}>stated rule</Link>{" "}
        that gives <strong>{computed}</strong> confidence.
      </p>
      {computed !== confidence && (
        <p data-testid="confidence-reason">
          The dossier rates it {confidence}: {reason ?? "no reason is on file."}
        </p>
      )}
    </div>
  );
}

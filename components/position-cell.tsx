import { STATUS_LABELS, type TIssue } from "@/lib/domain/words";
import type { TCell } from "@/lib/cells/cell";
import { SourceEntry } from "@/components/numbered-sources";
import { ScoreBadge } from "@/components/score-badge";

/** One cell of the matrix: score, summary, status and confidence, the quote one click away, the sources. */
export function PositionCell({ position, issue }: { position: TCell | null; issue: TIssue }) {
  if (!position) return <span className="missing">No data</span>;
  return (
    <div className="cell">
      <ScoreBadge score={position.score} status={position.status} lowLabel={issue.lowLabel} highLabel={issue.highLabel} />
      <p className="cell-summary">{position.summary}</p>
      <p className="cell-markers">
        <span className={`marker marker-${position.status}`}>{STATUS_LABELS[position.status]}</span>
        <span className="marker">Confidence: {position.confidence}</span>
        {position.asOf && <span className="marker">As of {position.asOf}</span>}
      </p>
      {position.quote && (
        <>
          <details className="cell-quote">
            <summary>Quote</summary>
            <blockquote>{position.quote}</blockquote>
          </details>
          {/* A closed <details> prints nothing: paper gets its own copy of the quote. */}
          <blockquote className="print-only">{position.quote}</blockquote>
        </>
      )}
      {position.notes && (
        <details className="cell-notes">
          <summary>Notes</summary>
          <p>{position.notes}</p>
        </details>
      )}
      {position.sources.length > 0 ? (
        <ol className="sources" aria-label="Sources">
          {position.sources.map((source, index) => (
            <li key={index}>
              <SourceEntry source={source} />
              {source.url && <span className="print-url"> {source.url}</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="no-sources">No source found.</p>
      )}
    </div>
  );
}

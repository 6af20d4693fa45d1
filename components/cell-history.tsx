import Link from "next/link";
import { describeChange } from "@/lib/analysis/changes";
import { STATUS_LABELS, type TIssue } from "@/lib/domain/words";
import { formatDate, formatDateText, formatScore } from "@/lib/domain/format";
import { sourceHref, href } from "@/lib/params/urls";
import { type TVersion } from "@/lib/read/entity-views";
import { NumberedSources } from "@/components/numbered-sources";
import { describeRange } from "@/components/score-mark";
import { isContested, rangeOf } from "@/lib/cells/readings";
import { WordDiff } from "@/components/word-diff";

/**
 * A cell's whole history, oldest first: each version's dates (valid from, recorded), score, status,
 * label and summary (word by word against the version before it), its sources and its event.
 * Retracted versions stay listed, struck through, with the retraction that withdrew them.
 */
export function CellHistory(props: {
  slug: string;
  issue: Pick<TIssue, "lowLabel" | "highLabel">;
  history: TVersion[];
  shownId: number | null;
}) {
  const { slug, issue, history, shownId } = props;
  if (history.length === 0) return <p>No version is recorded.</p>;
  // Each version is compared with the last earlier one still standing (neither a retraction nor retracted).
  const standing = (v: TVersion) => v.retracts === null && v.retractedBy === null;
  const befores = history.map((_, index) => history.slice(0, index).findLast(standing) ?? null);
  return (
    <ol className="history" data-testid="cell-history">
      {history.map((version, index) => {
        const before = befores[index]!;
        const retraction = version.retracts !== null;
        return (
          <li
            key={version.id}
            id={`version-${version.id}`}
            aria-current={version.id === shownId ? "true" : undefined}
            data-testid="version"
          >
            <h3>
              Version {index + 1}: {retraction ? "Retraction" : version.label}{" "}
              {version.id === shownId && <span className="shown-tag">(shown above)</span>}
            </h3>
            <p className="meta">
              Valid from {formatDateText(version.asOf)}
              {version.isApproximate ? " (approximate)" : ""}; recorded {formatDate(version.recordedAt.slice(0, 10))}
              {version.author ? <> by {version.author}</> : null}.{version.reason ? <> Reason: “{version.reason}”.</> : null}
              {version.event && (
                <>
                  {" "}
                  Occasion:{" "}
                  <Link href={href("timeline", { slug }, undefined, version.event.slug ? `event-${version.event.slug}` : undefined)}>
                    {version.event.title} ({formatDate(version.event.date)})
                  </Link>
                  .
                </>
              )}
            </p>
            {retraction ? (
              <p>
                Withdraws <a href={`#version-${version.retracts}`}>an earlier version</a>: {version.summary}
              </p>
            ) : (
              <div className={version.retractedBy !== null ? "retracted" : undefined}>
                {version.retractedBy !== null && (
                  <p>
                    <strong>Retracted</strong> (<a href={`#version-${version.retractedBy}`}>see the retraction</a>).
                  </p>
                )}
                <p>
                  Score {formatScore(version.score)}, {STATUS_LABELS[version.status]}, {version.confidence} confidence
                  {before && describeChange(before, version, issue) ? <> — {describeChange(before, version, issue)}</> : null}.
                </p>
                {before && before.summary !== version.summary ? (
                  <WordDiff from={before.summary} to={version.summary} />
                ) : (
                  <p>{version.summary}</p>
                )}
                {version.quote && <blockquote>{version.quote}</blockquote>}
                {version.notes && <p className="meta">{version.notes}</p>}
                {version.readings.length > 0 && (
                  <p className="meta" data-testid="version-readings">
                    {isContested(version) ? (
                      <>
                        <span aria-hidden="true">↕ </span>Sources disagreed: {describeRange(rangeOf(version))};
                      </>
                    ) : (
                      <>Other readings on file, none standing against this one;</>
                    )}{" "}
                    {version.readings.map((r) => `${formatScore(r.score)} ${STATUS_LABELS[r.status]} (${r.rank})`).join(", ")} beside this
                    reading.
                  </p>
                )}
              </div>
            )}
            <NumberedSources sources={version.sources} hrefOf={(number) => sourceHref(slug, number)} />
          </li>
        );
      })}
    </ol>
  );
}

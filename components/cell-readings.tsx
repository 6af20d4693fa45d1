import Link from "next/link";
import { STATUS_LABELS } from "@/lib/domain/words";
import { href, sourceHref } from "@/lib/params/urls";
import { isContested, rangeOf, type TRank } from "@/lib/cells/readings";
import type { TCellContent, TNumberedSource } from "@/lib/cells/cell";
import type { TVersion } from "@/lib/cells/history";
import { Highlighted } from "@/components/highlighted";
import { NumberedSources } from "@/components/numbered-sources";
import { describeRange, ScoreMark } from "@/components/score-mark";

const RANK_TITLES: Record<TRank, string> = {
  preferred: "Preferred reading (shown in the matrix)",
  normal: "Competing reading",
  deprecated: "Deprecated reading (its source corrected or retracted it)",
};

type TShownReading = Pick<TCellContent, "score" | "status" | "summary" | "quote"> & {
  rank: TRank;
  reason: string | null;
  sources: TNumberedSource[];
};

/**
 * Where independent sources disagree about the version shown: every reading side by side, the
 * preferred one (the version's own content) first, each with its score, status, sources, rank and
 * the reason for it. Nothing when the version has no competing reading.
 */
export function CellReadings(props: {
  slug: string;
  position: Pick<TCellContent, "score" | "status" | "summary" | "quote" | "preferredReason">;
  sources: TNumberedSource[];
  version: TVersion | undefined;
  query: string;
}) {
  const { slug, position, sources, version, query } = props;
  const others = version?.readings ?? [];
  if (others.length === 0) return null;
  const cell = { ...position, readings: others };
  const contested = isContested(cell);
  const readings: TShownReading[] = [{ ...position, rank: "preferred", reason: position.preferredReason, sources }, ...others];
  return (
    <section aria-labelledby="readings-title" data-testid="cell-readings" data-contested={contested}>
      <h2 id="readings-title">{contested ? "Where sources disagree" : "Other readings on file"}</h2>
      <p>
        {contested ? (
          <>
            Independent sources read this version differently: {describeRange(rangeOf(cell))}. The matrix shows the preferred reading; the{" "}
            <Link href={href("charts", { slug }, { readings: "range" })}>charts</Link> can be read at both ends of every range.
          </>
        ) : (
          <>None of these readings stands against the preferred one: each is deprecated, or on the same step and status.</>
        )}
      </p>
      <ol className="readings">
        {readings.map((reading, index) => (
          <li key={index} className="reading" data-rank={reading.rank}>
            <h3>{RANK_TITLES[reading.rank]}</h3>
            <p>
              <ScoreMark score={reading.score} /> {STATUS_LABELS[reading.status]}
            </p>
            <p>
              <Highlighted text={reading.summary} query={query} />
            </p>
            {reading.quote && (
              <blockquote>
                <Highlighted text={reading.quote} query={query} />
              </blockquote>
            )}
            <p className="meta">
              <strong>Why {reading.rank === "preferred" ? "preferred" : reading.rank}:</strong> {reading.reason ?? "no reason on file."}
            </p>
            <NumberedSources sources={reading.sources} hrefOf={(number) => sourceHref(slug, number)} query={query} />
          </li>
        ))}
      </ol>
    </section>
  );
}

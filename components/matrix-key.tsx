import { STATUS_LABELS, STATUSES } from "@/lib/domain/words";
import { CONFIDENCE_SYMBOLS, ContestedMark, ScoreMark, STATUS_SYMBOLS } from "@/components/score-mark";

const STATUS_WORDS: Record<(typeof STATUSES)[number], string> = {
  stated: "on the record",
  reported: "from leaks or the press",
  undisclosed: "text not public",
  no_position: "nothing found",
};

/** The matrix's marks and symbols in words, beside the matrix; the full method is further down. */
export function MatrixKey() {
  return (
    <aside className="matrix-key" aria-label="How to read the matrix">
      <p>
        <strong>Score</strong>, per issue, from −2 to +2 (each row names its two ends):{" "}
        {[-2, -1, 0, 1, 2].map((score) => (
          <ScoreMark key={score} score={score} />
        ))}{" "}
        and <ScoreMark score={null} /> no score, never counted as 0.
      </p>
      <p>
        <strong>Status</strong>:{" "}
        {STATUSES.map((status) => (
          <span key={status} className="key-item">
            <span aria-hidden="true">{STATUS_SYMBOLS[status]}</span> {STATUS_LABELS[status]} ({STATUS_WORDS[status]})
          </span>
        ))}
        . <strong>Confidence</strong>:{" "}
        {(["high", "medium", "low"] as const).map((confidence) => (
          <span key={confidence} className="key-item">
            <span aria-hidden="true">{CONFIDENCE_SYMBOLS[confidence]}</span> {confidence}
          </span>
        ))}
        .
      </p>
      <p>
        <span className="key-item">
          <ContestedMark range={{ min: -2, max: -1 }} />
        </span>{" "}
        <strong>Sources disagree</strong>: independent originals put the cell on different steps (the range shown) or give it different
        statuses. The mark is the preferred reading; the cell&apos;s page sets the readings side by side.{" "}
        <a href="#legend-title">Full method</a>
      </p>
    </aside>
  );
}

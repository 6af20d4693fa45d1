import { STATUS_LABELS } from "@/lib/domain/words";
import { formatScore } from "@/lib/domain/format";
import type { TCellApiJson } from "@/lib/formats/cell-json";

type TPosition = NonNullable<TCellApiJson["position"]>;

/**
 * The edit form's competing readings: each carried into the new version as it is (its content and
 * stored sources in one hidden field), with its rank and reason to change, and the reason the
 * version's own reading is preferred. Adding a reading is the write API's and the imports' work.
 */
export function ReadingsFieldset(props: {
  position: TPosition;
  value: (key: string, fallback: string | null) => string;
  fieldError: (path: string) => React.ReactNode;
}) {
  const { position, value, fieldError } = props;
  if (position.readings.length === 0) return null;
  const carried = position.readings.map(({ score, status, summary, quote, sources }) => ({
    score,
    status,
    summary,
    quote,
    sources: sources.map((s) => ({ id: s.id })),
  }));
  return (
    <fieldset data-testid="edit-readings">
      <legend>Competing readings (independent sources that disagree)</legend>
      {fieldError("readings")}
      <input type="hidden" name="readingsBase" value={value("readingsBase", JSON.stringify(carried))} />
      <label>
        Why this version&apos;s own reading is preferred
        <textarea name="preferredReason" maxLength={2000} rows={2} defaultValue={value("preferredReason", position.preferredReason)} />
        {fieldError("preferredReason")}
      </label>
      {position.readings.map((reading, index) => (
        <fieldset key={index}>
          <legend>
            Reading {index + 1}: {formatScore(reading.score)} {STATUS_LABELS[reading.status]}
          </legend>
          <p className="meta">
            {reading.summary} ({reading.sources.map((s) => s.publisher).join("; ")})
          </p>
          <label htmlFor={`reading-rank-${index}`}>Rank</label>
          <select id={`reading-rank-${index}`} name={`readingRank-${index}`} defaultValue={value(`readingRank-${index}`, reading.rank)}>
            <option value="normal">normal: a credible competing reading</option>
            <option value="deprecated">deprecated: its source corrected or retracted it</option>
          </select>
          <label>
            Why it has this rank
            <textarea
              name={`readingReason-${index}`}
              maxLength={2000}
              rows={2}
              defaultValue={value(`readingReason-${index}`, reading.reason)}
            />
          </label>
        </fieldset>
      ))}
    </fieldset>
  );
}

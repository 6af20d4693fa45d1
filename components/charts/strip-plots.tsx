import { styleOfParty, type TStripIssue } from "@/lib/analysis/chart-data";
import { STATUS_LABELS } from "@/lib/domain/words";
import { formatScore } from "@/lib/domain/format";
import { LazyStripChart } from "@/components/charts/lazy-charts";
import { PartySymbol } from "@/components/charts/party-symbol";

type TProps = { issues: TStripIssue[]; parties: { slug: string; name: string }[]; width?: number };

/**
 * "Where each party stands": per issue, one marker per party with a score on the −2..+2 axis,
 * each party with its own shape and colour. Parties without a score are named under the strip.
 * Server-rendered text; only the charts are client code, loaded after the page (`lazy-charts.tsx`).
 * `width` fixes the size (tests); otherwise the chart follows its container.
 */
export function StripPlots({ issues, parties, width }: TProps) {
  return (
    <>
      <ul className="party-key" aria-label="Marker of each party">
        {parties.map((party, index) => (
          <li key={party.slug}>
            <PartySymbol style={styleOfParty(index)} /> {party.name} <span className="visually-hidden">({styleOfParty(index).label})</span>
          </li>
        ))}
      </ul>
      <ol className="strips">
        {issues.map((issue) => (
          <li key={issue.slug} className="strip" data-issue={issue.slug}>
            <h3 id={`strip-${issue.slug}`}>{issue.name}</h3>
            {/* The chart is drawn in the browser once its code has loaded; the text below says the same in words. */}
            <div aria-hidden="true" className="strip-chart" style={{ minHeight: 40 + parties.length * 10 }}>
              <LazyStripChart issue={issue} partyCount={parties.length} width={width} />
            </div>
            <p className="strip-ends">
              <span>
                {formatScore(-2)}: {issue.lowLabel}
              </span>
              <span>
                {formatScore(2)}: {issue.highLabel}
              </span>
            </p>
            <p className="strip-text">
              {issue.points.map((p) => `${p.partyName} ${formatScore(p.score)}`).join("; ")}
              {issue.unscored.length > 0 && (
                <>
                  {issue.points.length > 0 ? ". " : ""}
                  No score:{" "}
                  {issue.unscored.map((u) => `${u.partyName} (${u.status ? STATUS_LABELS[u.status].toLowerCase() : "no data"})`).join(", ")}
                  .
                </>
              )}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

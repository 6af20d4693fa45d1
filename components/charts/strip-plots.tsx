"use client";

import { Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { styleOfParty, type TStripIssue } from "@/lib/chart-data";
import { STATUS_LABELS } from "@/lib/domain";
import { describeScore, formatScore } from "@/lib/format";
import { PartySymbol } from "./party-symbol";

type TProps = { issues: TStripIssue[]; parties: { slug: string; name: string }[]; width?: number };

const TICKS = [-2, -1, 0, 1, 2];

/**
 * "Where each party stands": per issue, one marker per party with a score on the −2..+2 axis,
 * each party with its own shape and colour. Parties without a score are named under the strip.
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
            <div aria-hidden="true">
              <ScatterChart
                width={width ?? 640}
                height={40 + parties.length * 10}
                responsive={width === undefined}
                style={width === undefined ? { width: "100%", maxWidth: 720, height: 40 + parties.length * 10 } : undefined}
                margin={{ top: 6, right: 18, bottom: 0, left: 18 }}
                accessibilityLayer={false}
              >
                <XAxis type="number" dataKey="score" domain={[-2, 2]} ticks={TICKS} tickFormatter={(v: number) => formatScore(v)} interval={0} />
                <YAxis type="number" dataKey="y" domain={[-0.5, parties.length - 0.5]} hide reversed />
                <Tooltip
                  cursor={false}
                  content={({ active, payload }) => {
                    const point = active ? (payload?.[0]?.payload as TStripIssue["points"][number] | undefined) : undefined;
                    return point ? (
                      <p className="chart-tooltip">
                        {point.partyName}: {formatScore(point.score)} ({describeScore(point.score)})
                      </p>
                    ) : null;
                  }}
                />
                {issue.points.map((point) => (
                  <Scatter
                    key={point.party}
                    name={point.partyName}
                    data={[point]}
                    fill={styleOfParty(point.y).color}
                    stroke="#1a1a1a"
                    shape={styleOfParty(point.y).shape}
                    isAnimationActive={false}
                  />
                ))}
              </ScatterChart>
            </div>
            <p className="strip-ends">
              <span>{formatScore(-2)}: {issue.lowLabel}</span>
              <span>{formatScore(2)}: {issue.highLabel}</span>
            </p>
            <p className="strip-text">
              {issue.points.map((p) => `${p.partyName} ${formatScore(p.score)}`).join("; ")}
              {issue.unscored.length > 0 && (
                <>
                  {issue.points.length > 0 ? ". " : ""}
                  No score: {issue.unscored.map((u) => `${u.partyName} (${u.status ? STATUS_LABELS[u.status].toLowerCase() : "no data"})`).join(", ")}.
                </>
              )}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

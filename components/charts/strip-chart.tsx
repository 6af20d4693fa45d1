"use client";

import { Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { styleOfParty, type TStripIssue } from "@/lib/analysis/chart-data";
import { describeScore, formatScore } from "@/lib/domain/format";

const TICKS = [-2, -1, 0, 1, 2];

/** One issue's strip: a marker per party with a score on the −2..+2 axis, in the party's shape and colour. */
export function StripChart({ issue, partyCount, width }: { issue: TStripIssue; partyCount: number; width?: number }) {
  return (
    <ScatterChart
      width={width ?? 640}
      height={40 + partyCount * 10}
      responsive={width === undefined}
      style={width === undefined ? { width: "100%", maxWidth: 720, height: 40 + partyCount * 10 } : undefined}
      margin={{ top: 6, right: 18, bottom: 0, left: 18 }}
      accessibilityLayer={false}
    >
      <XAxis type="number" dataKey="score" domain={[-2, 2]} ticks={TICKS} tickFormatter={(v: number) => formatScore(v)} interval={0} />
      <YAxis type="number" dataKey="y" domain={[-0.5, partyCount - 0.5]} hide reversed />
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
  );
}

"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { TSpreadRanking } from "@/lib/analysis/chart-data";

type TProps = { ranking: TSpreadRanking; width?: number };

/** "Most contested issues": issues ranked by spread (max − min of known scores), largest first. */
export function SpreadChart({ ranking, width }: TProps) {
  const height = 40 + ranking.ranked.length * 28;
  return (
    <>
      {ranking.ranked.length > 0 && (
        <div aria-hidden="true">
          <BarChart
            layout="vertical"
            data={ranking.ranked}
            width={width ?? 720}
            height={height}
            responsive={width === undefined}
            style={width === undefined ? { width: "100%", maxWidth: 820, height } : undefined}
            margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip
              cursor={{ fillOpacity: 0.1 }}
              content={({ active, payload }) => {
                const row = active ? (payload?.[0]?.payload as TSpreadRanking["ranked"][number] | undefined) : undefined;
                return row ? (
                  <p className="chart-tooltip">
                    {row.name}: spread {row.spread} of 4 ({row.scored} scores)
                  </p>
                ) : null;
              }}
            />
            {/* minPointSize: a spread of 0 still shows as a sliver, so the issue is visibly ranked. */}
            <Bar dataKey="spread" fill="#542788" minPointSize={3} isAnimationActive={false} />
          </BarChart>
        </div>
      )}
    </>
  );
}

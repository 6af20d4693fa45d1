import Link from "next/link";
import { formatDistance, type TDistanceCell } from "@/lib/chart-data";

type TProps = { slug: string; parties: { slug: string; name: string }[]; grid: TDistanceCell[][] };

// Sequential light-to-dark purple; text switches to white on the dark half to keep contrast.
function cellStyle(distance: number | null) {
  if (distance === null) return undefined;
  const lightness = 96 - distance * 70;
  return { background: `hsl(270 45% ${lightness}%)`, color: lightness < 55 ? "#ffffff" : "#1a1a1a" };
}

/**
 * "How far apart": a party × party table of distances (0 identical … 1 opposite poles) with the
 * number of shared scored issues in each cell. Each off-diagonal cell links to the compare view.
 */
export function DistanceHeatmap({ slug, parties, grid }: TProps) {
  return (
    <div className="heatmap-scroll" role="region" aria-label="Distance between parties" tabIndex={0}>
      <table className="heatmap" data-testid="distance-heatmap">
        <caption className="visually-hidden">Distance between each pair of parties, with the number of issues both scored</caption>
        <thead>
          <tr>
            <td />
            {parties.map((p) => (
              <th key={p.slug} scope="col">
                {p.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.map((row, i) => (
            <tr key={parties[i]?.slug}>
              <th scope="row">{parties[i]?.name}</th>
              {row.map((cell) =>
                cell.a === cell.b ? (
                  <td key={cell.b} className="heatmap-self">
                    —<span className="visually-hidden"> (same party)</span>
                  </td>
                ) : (
                  <td key={cell.b} style={cellStyle(cell.distance)} data-distance={cell.distance ?? "none"}>
                    <Link href={`/negotiations/${slug}/compare?a=${cell.a}&b=${cell.b}`} style={{ color: "inherit" }}>
                      <strong>{formatDistance(cell.distance)}</strong>
                      <span className="heatmap-shared">
                        {cell.sharedIssues} shared
                        <span className="visually-hidden"> issues; compare these two</span>
                      </span>
                    </Link>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { TSpreadRanking } from "@/lib/analysis/chart-data";

/** The spread ranking as a table: the chart's text alternative, one click away. */
export function SpreadTable({ ranking, open = false }: { ranking: TSpreadRanking; open?: boolean }) {
  return (
    <details className="chart-data" open={open}>
      <summary>Show the ranking as a table</summary>
      <table>
        <caption>Issues by spread, largest first</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Spread (0–4)</th>
            <th scope="col">Known scores</th>
          </tr>
        </thead>
        <tbody>
          {ranking.ranked.map((row) => (
            <tr key={row.slug}>
              <th scope="row">{row.name}</th>
              <td>{row.spread}</td>
              <td>{row.scored}</td>
            </tr>
          ))}
          {ranking.unranked.map((row) => (
            <tr key={row.slug}>
              <th scope="row">{row.name}</th>
              <td>no spread</td>
              <td>{row.scored}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

import Link from "next/link";
import { type TDistanceCell } from "@/lib/analysis/chart-data";
import { formatPercent } from "@/lib/analysis/divergence";
import { href } from "@/lib/params/urls";

type TProps = {
  slug: string;
  parties: { slug: string; name: string }[];
  grid: TDistanceCell[][];
  /** How many issues the view shows: a pair sharing fewer than half of them is marked. */
  issueCount: number;
  /** The view's filters to carry into the compare links (`&issues=…&q=…`), or "". */
  filters: string;
};

/** Five steps of agreement (globals.css `.agree-0` far … `.agree-4` close): the far pairs are the loudest in light and dark mode. */
function stepOf(agreement: number | null): string | undefined {
  return agreement === null ? undefined : `agree-${Math.min(4, Math.floor(agreement * 5))}`;
}

/**
 * "How far apart": a party × party table of agreement (1 − distance: 100% identical … 0% opposite
 * poles) with the number of shared scored issues in each cell; a pair sharing fewer than half the
 * shown issues is marked in words and with a dashed border. Each off-diagonal cell links to the
 * compare view of the pair, with the same filters.
 */
export function DistanceHeatmap({ slug, parties, grid, issueCount, filters }: TProps) {
  return (
    <div className="heatmap-scroll" role="region" aria-label="Agreement between parties" tabIndex={0}>
      <table className="heatmap" data-testid="distance-heatmap">
        <caption className="visually-hidden">Agreement between each pair of parties, with the number of issues both scored</caption>
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
                  <td
                    key={cell.b}
                    className={
                      [stepOf(cell.agreement), cell.sharedIssues * 2 < issueCount ? "few-shared" : ""].join(" ").trim() || undefined
                    }
                    data-agreement={cell.agreement ?? "none"}
                  >
                    <Link href={`${href("compare", { slug }, { a: cell.a, b: cell.b })}${filters}`} style={{ color: "inherit" }}>
                      <strong>{cell.agreement === null ? "—" : formatPercent(cell.agreement)}</strong>
                      <span className="heatmap-shared">
                        {cell.sharedIssues} shared{cell.sharedIssues * 2 < issueCount ? ", few" : ""}
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

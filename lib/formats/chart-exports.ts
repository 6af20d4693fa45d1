// The charts that can leave the page: their names, titles, and data as CSV (the matrix's CSV rules).
// The same view of scores feeds the charts page, each chart's CSV and its embeddable version.
import { measureGrid, measureLean, measureMovement, type TMeasuredGrid } from "../analysis/analytics";
import { writeCsv } from "./csv";

export const CHARTS = {
  lean: "Where each party leans",
  movement: "How the drafts moved",
  spread: "Most contested issues",
  agreement: "How far apart: agreement between parties",
} as const;
export type TChartName = keyof typeof CHARTS;

export function isChartName(name: string): name is TChartName {
  return Object.hasOwn(CHARTS, name);
}

/** One chart's data as a CSV file: exactly the figures the chart draws, one row per mark. */
export function toChartCsv(chart: TChartName, view: TMeasuredGrid): string {
  switch (chart) {
    case "lean":
      return writeCsv(
        ["party", "party_name", "mean_score", "scored_issues", "unknown_issues"],
        measureLean(view).map((l) => [l.party, l.name, l.mean, l.scored, l.unknown]),
      );
    case "movement":
      return writeCsv(
        ["from", "to", "issue", "from_score", "to_score", "change", "toward"],
        measureMovement(view).steps.map((s) => [s.from, s.to, s.issue, s.fromScore, s.toScore, s.change, s.toward]),
      );
    case "spread":
      return writeCsv(
        ["issue", "issue_name", "scored", "spread", "stdev"],
        measureGrid(view).issues.map((d, i) => [d.issue, view.issues[i]!.name, d.scored, d.spread, d.stdev]),
      );
    case "agreement":
      return writeCsv(
        ["a", "b", "agreement", "distance", "shared_issues"],
        measureGrid(view).pairs.map((p) => [p.a, p.b, p.agreement, p.distance, p.sharedIssues]),
      );
  }
}

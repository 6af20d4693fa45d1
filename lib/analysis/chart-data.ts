import type { TPairDistance } from "./divergence";
import type { TStatus } from "../domain/words";
import type { TMatrix } from "./matrix";

/**
 * Marker shape and colour per column: colours from the Okabe–Ito and Tol palettes (colour-blind
 * safe) with no orange or purple, which belong to the score scale (PuOr), and a distinct shape each.
 */
export const PARTY_STYLES = [
  { shape: "circle", color: "#0072B2", label: "circle" },
  { shape: "square", color: "#009E73", label: "square" },
  { shape: "triangle", color: "#CC79A7", label: "triangle" },
  { shape: "diamond", color: "#56B4E9", label: "diamond" },
  { shape: "star", color: "#555555", label: "star" },
  { shape: "cross", color: "#44AA99", label: "cross" },
  { shape: "wye", color: "#882255", label: "Y" },
] as const;

export type TPartyStyle = (typeof PARTY_STYLES)[number];

/** The marker of the party in column `index`. */
export function styleOfParty(index: number): TPartyStyle {
  return PARTY_STYLES[index % PARTY_STYLES.length]!;
}

export type TStripIssue = {
  slug: string;
  name: string;
  lowLabel: string;
  highLabel: string;
  /** One point per party with a score; y is the party's column, so markers never hide each other. */
  points: { party: string; partyName: string; score: number; y: number }[];
  /** Parties without a score, named in words instead of plotted. */
  unscored: { party: string; partyName: string; status: TStatus | null }[];
};

/** Data for "Where each party stands": one strip per shown issue. Null scores are listed, never plotted. */
export function toStripData(matrix: TMatrix): TStripIssue[] {
  return matrix.rows.map(({ issue, cells }) => {
    const points: TStripIssue["points"] = [];
    const unscored: TStripIssue["unscored"] = [];
    matrix.parties.forEach((party, y) => {
      const cell = cells[y] ?? null;
      if (cell === null || cell.score === null) unscored.push({ party: party.slug, partyName: party.name, status: cell?.status ?? null });
      else points.push({ party: party.slug, partyName: party.name, score: cell.score, y });
    });
    return { slug: issue.slug, name: issue.name, lowLabel: issue.lowLabel, highLabel: issue.highLabel, points, unscored };
  });
}

export type TSpreadRanking = {
  ranked: { slug: string; name: string; spread: number; scored: number }[];
  /** Issues with fewer than two scores: no spread, so not ranked. */
  unranked: { slug: string; name: string; scored: number }[];
};

/** Data for "Most contested issues": largest spread first, ties in issue order. */
export function toSpreadRanking(matrix: TMatrix): TSpreadRanking {
  const ranked: TSpreadRanking["ranked"] = [];
  const unranked: TSpreadRanking["unranked"] = [];
  for (const { issue, divergence } of matrix.rows) {
    if (divergence.spread === null) unranked.push({ slug: issue.slug, name: issue.name, scored: divergence.scored });
    else ranked.push({ slug: issue.slug, name: issue.name, spread: divergence.spread, scored: divergence.scored });
  }
  const order = new Map(matrix.rows.map((r) => [r.issue.slug, r.issue.sortOrder]));
  ranked.sort((x, y) => y.spread - x.spread || (order.get(x.slug) ?? 0) - (order.get(y.slug) ?? 0));
  return { ranked, unranked };
}

export type TDistanceCell = { a: string; b: string } & TPairDistance;

/** The full party × party grid from the unordered pairs; the diagonal compares a party with itself. */
export function toDistanceGrid(
  parties: readonly string[],
  pairs: readonly ({ a: string; b: string } & TPairDistance)[],
): TDistanceCell[][] {
  const lookup = new Map(
    pairs.flatMap(
      (p) =>
        [
          [`${p.a}|${p.b}`, p],
          [`${p.b}|${p.a}`, p],
        ] as const,
    ),
  );
  return parties.map((a) =>
    parties.map((b) => {
      const pair = lookup.get(`${a}|${b}`);
      if (a === b || !pair) return { a, b, sharedIssues: pair?.sharedIssues ?? 0, distance: null, agreement: null };
      return { a, b, sharedIssues: pair.sharedIssues, distance: pair.distance, agreement: pair.agreement };
    }),
  );
}

import { describe, expect, it } from "vitest";
import { getMatrixView, getNegotiationInfo, rowsPerPage } from "@/lib/read/matrix-view";
import { getChartsView } from "@/lib/read/score-view";
import { readSnapshot } from "@/lib/db/transactions";
import { openPoints } from "@/lib/lineage/lineage";
import { countOpenPoints, readLineage } from "@/lib/lineage/read";
import { negotiationIdOf } from "@/tests/support/db";

const rowSlugs = async (query: string) =>
  (await getMatrixView("fixture", new URLSearchParams(query)))!.matrix.rows.map((r) => r.issue.slug);

describe("getMatrixView (filters, search and sort in SQL)", () => {
  it("keeps every issue and party in their order by default, one cell per party", async () => {
    const { matrix } = (await getMatrixView("fixture", new URLSearchParams()))!;
    expect(matrix.rows.map((r) => r.issue.slug)).toEqual(["alpha", "beta", "gamma"]);
    expect(matrix.parties.map((p) => p.slug)).toEqual(["a", "b", "c"]);
    expect(matrix.rows[1]?.cells.map((c) => c?.score)).toEqual([1, null, 1]);
  });

  it.each([
    ["issues=gamma,alpha", ["alpha", "gamma"]],
    ["sort=divergence", ["alpha", "gamma", "beta"]],
    ["sort=divergence&parties=b,c", ["gamma", "alpha", "beta"]],
    ["sort=divergence&parties=a", ["alpha", "beta", "gamma"]],
    ["sort=issue&issues=gamma,beta", ["beta", "gamma"]],
    ["q=LEANS", ["beta", "gamma"]],
    ["q=geneve", ["alpha"]],
    ['q="low"', ["alpha"]],
    ["q=gamma", ["gamma"]],
    ["q=nothing matches this", []],
    ["q=leans&parties=a", ["beta"]],
    // Notes and source titles are searched too, in the shown parties' cells only; a party's name keeps no row by itself.
    ["q=referendum", ["gamma"]],
    ["q=referendum&parties=b,c", []],
    ["q=party c", []],
    ["q=fixture source&parties=b", ["alpha", "gamma"]],
    ["q=example&parties=b", ["alpha", "gamma"]],
    // By one party's score, highest first; its unknown cells last.
    ["sort=party:c", ["gamma", "beta", "alpha"]],
    ["sort=party:b", ["alpha", "gamma", "beta"]],
    ["sort=party:b&q=leans", ["gamma", "beta"]],
  ])("%s → %j", async (query, expected) => {
    expect(await rowSlugs(query)).toEqual(expected);
  });

  it("says which cells match a search and counts them over every kept row; an issue's name keeps its row with no cell marked", async () => {
    const view = (await getMatrixView("fixture", new URLSearchParams("q=leans")))!;
    expect(view.matrix.rows.map((r) => r.cells.map((c) => c?.match))).toEqual([
      [true, false, true],
      [false, true, false],
    ]);
    expect(view.search).toEqual({ cells: 3, rows: 2, issueNames: 0 });
    const byName = (await getMatrixView("fixture", new URLSearchParams("q=gamma")))!;
    expect(byName.matrix.rows.map((r) => r.cells.map((c) => c?.match))).toEqual([[false, false, false]]);
    expect(byName.search).toEqual({ cells: 0, rows: 0, issueNames: 1 });
    expect((await getMatrixView("fixture", new URLSearchParams("q=geneve&parties=a,c")))!.search).toEqual({
      cells: 1,
      rows: 1,
      issueNames: 0,
    });
    // Without a search, no cell says anything about matching.
    const plain = (await getMatrixView("fixture", new URLSearchParams()))!;
    expect(plain.search).toBeNull();
    expect(plain.matrix.rows.flatMap((r) => r.cells).every((c) => c?.match === undefined)).toBe(true);
  });

  it("computes spread over known scores only: undisclosed is never 0", async () => {
    const spreads = async (query: string) =>
      (await getMatrixView("fixture", new URLSearchParams(query)))!.matrix.rows.map((r) => r.divergence.spread);
    expect(await spreads("")).toEqual([4, 0, 3]);
    expect(await spreads("parties=b,c")).toEqual([2, null, 3]);
  });

  it("reads a charts view's page and its scores of every row together", async () => {
    const { view, scores } = (await getChartsView("fixture", new URLSearchParams("q=leans&parties=b,c")))!;
    expect(view.matrix.rows.map((r) => r.issue.slug)).toEqual(scores.issues.map((i) => i.slug));
    expect(scores.scores).toEqual([
      [null, 1],
      [-1, 2],
    ]);
    expect(await getChartsView("no-such-talks", new URLSearchParams())).toBeNull();
  });

  it("is null for an unknown negotiation", async () => {
    expect(await getMatrixView("no-such-talks", new URLSearchParams())).toBeNull();
    expect(await getNegotiationInfo("no-such-talks")).toBeNull();
  });
});

describe("rowsPerPage", () => {
  it.each([
    [1, 100],
    [5, 100],
    [10, 50],
    [50, 10],
    [400, 10],
  ])("%i parties → %i rows", (parties, rows) => {
    expect(rowsPerPage(parties)).toBe(rows);
  });
});

describe("the open points of each draft on the issues shown", () => {
  it("counts, per draft published by the view's day, the open points concerning the shown issues", async () => {
    const all = (await getMatrixView("ukraine-peace-2025", new URLSearchParams()))!;
    const open = (view: typeof all) => view.openPoints.map((d) => [d.draft, d.open, d.of]);
    // Open in the research: the Geneva framework's territory (G2) and the 20-point framework's 12 (nuclear plant) and 14 (territory).
    expect(open(all)).toEqual([
      ["us-draft", 0, 28],
      ["europe", 0, 28],
      ["revised-framework", 1, 2],
      ["us-package-dec", 0, 6],
      ["twenty-point", 2, 20],
    ]);
    const donbas = (await getMatrixView("ukraine-peace-2025", new URLSearchParams({ issues: "donbas,znpp" })))!;
    expect(open(donbas)).toEqual([
      ["us-draft", 0, 3],
      ["europe", 0, 2],
      ["revised-framework", 1, 1],
      ["us-package-dec", 0, 1],
      ["twenty-point", 2, 3],
    ]);
    const early = (await getMatrixView("ukraine-peace-2025", new URLSearchParams({ asOf: "2025-11-21" })))!;
    expect(open(early)).toEqual([["us-draft", 0, 28]]);
    expect((await getMatrixView("fixture", new URLSearchParams()))!.openPoints).toEqual([]);
  });

  it("counts in SQL what the one rule counts over the whole lineage", async () => {
    const id = await negotiationIdOf("ukraine-peace-2025");
    for (const [day, issues] of [
      [null, null],
      ["2025-11-24", null],
      [null, ["nato", "army-cap"]],
      ["2025-12-12", ["donbas", "crimea", "znpp"]],
      [null, ["g8"]],
    ] as const) {
      const lineage = await readSnapshot((db) => readLineage(db, id, day));
      const expected = lineage.drafts.map((d) => ({ draft: d.slug, name: d.name, ...openPoints(d, issues) }));
      expect(await readSnapshot((db) => countOpenPoints(db, id, day, issues))).toEqual(expected);
    }
  });
});

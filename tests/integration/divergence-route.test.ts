import { describe, expect, it } from "vitest";
import { GET as getDivergence } from "@/app/api/negotiations/[slug]/divergence/route";
import { GET as getCompareCsv } from "@/app/negotiations/[slug]/compare.csv/route";
import { measureIssue, measurePair } from "@/lib/divergence";
import { ZDivergenceJson } from "@/lib/json-formats";
import { readMatrixJson } from "../support/routes";

const SLUG = "ukraine-peace-2025";
const ctx = (slug = SLUG) => ({ params: Promise.resolve({ slug }) });
const divergence = (q: string, slug = SLUG) =>
  getDivergence(new Request(`http://localhost/api/negotiations/${slug}/divergence${q}`), ctx(slug));
const matrix = (q: string) => readMatrixJson(SLUG, q);

describe("GET /api/negotiations/[slug]/divergence", () => {
  it("gives hand-checked values for two documents", async () => {
    const body = ZDivergenceJson.parse(await (await divergence("?issues=nato,army-cap,g8&parties=us-draft,europe")).json());
    expect(body.issues).toEqual([
      { issue: "nato", scored: 2, spread: 3, stdev: 1.5 },
      { issue: "army-cap", scored: 2, spread: 2, stdev: 1 },
      { issue: "g8", scored: 2, spread: 0, stdev: 0 },
    ]);
    // |2 − (−1)| + |1 − (−1)| + |2 − 2| = 5 over 3 shared issues: 5 / 12
    expect(body.pairs).toEqual([{ a: "us-draft", b: "europe", sharedIssues: 3, distance: 5 / 12 }]);
  });

  it.each([[""], ["?parties=revised-framework,russia,ukraine"], ["?issues=g8,amnesty,elections&sort=divergence"], ["?q=assets"]])(
    "equals the formulas applied to the matrix JSON %s",
    async (query) => {
      const [body, view] = await Promise.all([divergence(query).then(async (r) => ZDivergenceJson.parse(await r.json())), matrix(query)]);
      const score = (issue: string, party: string) => view.positions.find((p) => p.issue === issue && p.party === party)?.score ?? null;
      const issues = view.issues.map((i) => i.slug);
      const parties = view.parties.map((p) => p.slug);
      expect(body.issues).toEqual(issues.map((issue) => ({ issue, ...measureIssue(parties.map((p) => score(issue, p))) })));
      const pairs = parties.flatMap((a, i) =>
        parties.slice(i + 1).map((b) => ({
          a,
          b,
          ...measurePair(
            issues.map((x) => score(x, a)),
            issues.map((x) => score(x, b)),
          ),
        })),
      );
      expect(body.pairs).toEqual(pairs);
    },
  );

  it("answers 404 JSON to an unknown negotiation", async () => {
    const response = await divergence("", "nope");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "No negotiation is called “nope”." });
  });
});

describe("GET compare.csv", () => {
  const call = (q: string) => getCompareCsv(new Request(`http://localhost/negotiations/${SLUG}/compare.csv${q}`), ctx());

  it("serves the comparison of two parties", async () => {
    const response = await call("?a=us-draft&b=europe");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="ukraine-peace-2025_2025-12-02_compare_us-draft_europe.csv"',
    );
    const lines = (await response.text()).split("\r\n");
    expect(lines).toHaveLength(15);
    expect(lines[1]).toMatch(
      /^nato,NATO membership \/ NATO restrictions,us-draft,europe,2,-1,-3,different,3 steps toward “Ukraine free to join NATO”,reported,reported,/,
    );
  });

  it("answers 400 with a plain message when a party is missing or unknown", async () => {
    const response = await call("?a=us-draft&b=mars");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Party B “mars” is not in this negotiation; choose another." });
  });
});

import { describe, expect, it } from "vitest";
import { GET as getCompareCsv } from "@/app/negotiations/[slug]/compare.csv/route";
import { ZDivergenceJson } from "@/lib/formats/json";
import { callDivergence, readMatrixJson } from "@/tests/support/routes";

const SLUG = "ukraine-peace-2025";
const ctx = (slug = SLUG) => ({ params: Promise.resolve({ slug }) });
const divergence = (q: string, slug = SLUG) => callDivergence(slug, q);
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
    expect(body.pairs).toEqual([{ a: "us-draft", b: "europe", sharedIssues: 3, distance: 5 / 12, agreement: 1 - 5 / 12 }]);
  });

  it("leaves the scale's anchors out of spread by default, says which, and includes them on request", async () => {
    const byDefault = ZDivergenceJson.parse(await (await divergence("")).json());
    expect(byDefault.anchors).toEqual({ low: "ukraine", high: "russia", leftOut: ["ukraine", "russia"] });
    // NATO among the five documents: +2, 0 (the Geneva framework's latest version), −1, −1, −1: mean −0.2,
    // variance (2.2² + 0.2² + 3 × 0.8²) / 5 = 1.36.
    const nato = byDefault.issues.find((i) => i.issue === "nato")!;
    expect({ ...nato, stdev: nato.stdev!.toFixed(12) }).toEqual({
      issue: "nato",
      scored: 5,
      spread: 3,
      stdev: Math.sqrt(1.36).toFixed(12),
    });
    // As of 22 Nov only the US draft had a text, so no spread among documents, and the later ones are left out with a notice.
    const early = ZDivergenceJson.parse(await (await divergence("?asOf=2025-11-22")).json());
    expect(early.issues.find((i) => i.issue === "nato")).toEqual({ issue: "nato", scored: 1, spread: null, stdev: null });
    expect(early.notices.join(" ")).toMatch(/^Not yet published on 22 Nov 2025, so left out: Revised US–Ukraine framework/);
    // Distances still cover every shown party, anchors included.
    expect(byDefault.pairs.filter((p) => p.a === "russia" || p.b === "russia")).toHaveLength(6);
    const included = ZDivergenceJson.parse(await (await divergence("?anchors=include")).json());
    expect(included.anchors.leftOut).toEqual([]);
    // With both poles counted, the spread is 4 wherever both ends of the scale are held: 10 issues. Ukraine moved
    // off −2 on NATO, the army cap and Donbas in November and December, but the 24-point plan's army cap (no limit) is −2.
    expect(included.issues.filter((i) => i.spread === 4).map((i) => i.issue)).not.toContain("nato");
    expect(included.issues.filter((i) => i.spread === 4).map((i) => i.issue)).toContain("army-cap");
    expect(included.issues.filter((i) => i.spread === 4)).toHaveLength(10);
  });

  // The fixture's scores, by hand (see tests/fixtures/negotiation.ts):
  //            a      b            c
  // alpha     -2     +2            0
  // beta      +1     undisclosed  +1
  // gamma     none   -1           +2
  it.each([
    [
      "",
      [
        ["alpha", 3, 4],
        ["beta", 2, 0],
        ["gamma", 2, 3],
      ],
      // a–b share alpha only: |−2 − 2| / 4 = 1; a–c: (2 + 0) / 8; b–c: (2 + 3) / 8
      [
        ["a", "b", 1, 1],
        ["a", "c", 2, 0.25],
        ["b", "c", 2, 0.625],
      ],
    ],
    [
      "?parties=b,c&sort=divergence",
      [
        ["gamma", 2, 3],
        ["alpha", 2, 2],
        ["beta", 1, null],
      ],
      [["b", "c", 2, 0.625]],
    ],
    ["?issues=gamma&parties=a,c", [["gamma", 1, null]], [["a", "c", 0, null]]],
    [
      "?q=leans",
      [
        ["beta", 2, 0],
        ["gamma", 2, 3],
      ],
      [
        ["a", "b", 0, null],
        ["a", "c", 1, 0],
        ["b", "c", 1, 0.75],
      ],
    ],
  ])("gives the hand-computed values for the fixture %s", async (query, issues, pairs) => {
    const body = ZDivergenceJson.parse(await (await divergence(query, "fixture")).json());
    expect(body.issues.map((i) => [i.issue, i.scored, i.spread])).toEqual(issues);
    expect(body.pairs.map((p) => [p.a, p.b, p.sharedIssues, p.distance])).toEqual(pairs);
  });

  it("covers the same rows as the matrix JSON of the same view, every page of them", async () => {
    const [body, view] = await Promise.all([
      divergence("?sort=divergence&q=russia").then(async (r) => ZDivergenceJson.parse(await r.json())),
      matrix("?sort=divergence&q=russia"),
    ]);
    expect(body.issues.map((i) => i.issue)).toEqual(view.issues.map((i) => i.slug));
    expect(body.issues.map((i) => i.spread)).toEqual(view.issues.map((i) => i.spread));
  });

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
      'attachment; filename="ukraine-peace-2025_2026-01-08_compare_us-draft_europe.csv"',
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

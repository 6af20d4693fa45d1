import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { measureDivergence, measureIssue, measurePair } from "@/lib/analysis/divergence";
import type { TScore } from "@/lib/domain/words";
import { fixtureMatrix, measureMatrix } from "@/tests/fixtures/matrix";

describe("measureIssue", () => {
  it.each([
    [[-2, 2, 0], { scored: 3, spread: 4, stdev: Math.sqrt(8 / 3) }],
    [[1, null, 1], { scored: 2, spread: 0, stdev: 0 }],
    [[null, -1, 2], { scored: 2, spread: 3, stdev: 1.5 }],
    [[null, 2, null], { scored: 1, spread: null, stdev: null }],
    [[], { scored: 0, spread: null, stdev: null }],
  ] as [TScore[], object][])("%j → %j", (scores, expected) => {
    expect(measureIssue(scores)).toEqual(expected);
  });
});

describe("measurePair", () => {
  it.each([
    [[-2, 1, null], [2, null, -1], { sharedIssues: 1, distance: 1, agreement: 0 }],
    [[-2, 1, null], [0, 1, 2], { sharedIssues: 2, distance: 0.25, agreement: 0.75 }],
    [[2, null, -1], [0, 1, 2], { sharedIssues: 2, distance: 0.625, agreement: 0.375 }],
    [[null, 1], [2, null], { sharedIssues: 0, distance: null, agreement: null }],
  ] as [TScore[], TScore[], object][])("%j vs %j", (a, b, expected) => {
    expect(measurePair(a, b)).toEqual(expected);
  });
});

describe("measureMatrix on the fixture", () => {
  it("matches the hand-computed values", () => {
    const result = measureMatrix(fixtureMatrix());
    expect(result.pairs).toEqual([
      { a: "a", b: "b", sharedIssues: 1, distance: 1, agreement: 0 },
      { a: "a", b: "c", sharedIssues: 2, distance: 0.25, agreement: 0.75 },
      { a: "b", b: "c", sharedIssues: 2, distance: 0.625, agreement: 0.375 },
    ]);
    expect(result.issues.map((i) => [i.issue, i.scored, i.spread])).toEqual([
      ["alpha", 3, 4],
      ["beta", 2, 0],
      ["gamma", 2, 3],
    ]);
  });

  it("follows the filters: only shown issues and parties count", () => {
    const result = measureMatrix(fixtureMatrix({ issues: ["gamma"], parties: ["a", "c"] }));
    expect(result).toEqual({
      issues: [{ issue: "gamma", scored: 1, spread: null, stdev: null }],
      pairs: [{ a: "a", b: "c", sharedIssues: 0, distance: null, agreement: null }],
    });
  });
});

const score = fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 2 })) as fc.Arbitrary<TScore>;
const column = (n: number) => fc.array(score, { minLength: n, maxLength: n });
const twoColumns = fc.integer({ min: 0, max: 15 }).chain((n) => fc.tuple(column(n), column(n)));

describe("distance laws", () => {
  it("is symmetric", () => {
    fc.assert(
      fc.property(twoColumns, ([a, b]) => {
        expect(measurePair(a, b)).toEqual(measurePair(b, a));
      }),
    );
  });

  it("is zero for a party with itself whenever it has a score", () => {
    fc.assert(
      fc.property(column(8), (a) => {
        const { distance } = measurePair(a, a);
        expect(distance).toBe(a.some((s) => s !== null) ? 0 : null);
      }),
    );
  });

  it("lies within [0, 1]", () => {
    fc.assert(
      fc.property(twoColumns, ([a, b]) => {
        const { distance } = measurePair(a, b);
        if (distance !== null) expect(distance >= 0 && distance <= 1).toBe(true);
      }),
    );
  });

  it("does not depend on the order of the parties", () => {
    fc.assert(
      fc.property(fc.array(column(5), { minLength: 2, maxLength: 5 }), (columns) => {
        const parties = columns.map((_, i) => `p${i}`);
        const forward = measureDivergence(["i0", "i1", "i2", "i3", "i4"], parties, (i, p) => columns[p]![i]!);
        const reversed = [...parties].reverse();
        const backward = measureDivergence(["i0", "i1", "i2", "i3", "i4"], reversed, (i, p) => columns[columns.length - 1 - p]![i]!);
        const key = (x: { a: string; b: string }) => [x.a, x.b].sort().join("|");
        const byKey = (list: typeof forward.pairs) => Object.fromEntries(list.map((x) => [key(x), [x.distance, x.sharedIssues]]));
        expect(byKey(backward.pairs)).toEqual(byKey(forward.pairs));
        // stdev sums in another order: equal up to floating-point rounding.
        backward.issues.forEach((issue, i) => {
          const other = forward.issues[i]!;
          expect([issue.scored, issue.spread]).toEqual([other.scored, other.spread]);
          expect(Math.abs((issue.stdev ?? 0) - (other.stdev ?? 0))).toBeLessThan(1e-12);
        });
      }),
    );
  });

  it("is unchanged by adding an undisclosed cell", () => {
    fc.assert(
      fc.property(twoColumns, score, fc.nat(), ([a, b], other, at) => {
        const i = a.length === 0 ? 0 : at % (a.length + 1);
        const withNull = [...a.slice(0, i), null, ...a.slice(i)];
        const withOther = [...b.slice(0, i), other, ...b.slice(i)];
        expect(measurePair(withNull, withOther)).toEqual(measurePair(a, b));
      }),
    );
  });

  it("never reads a null score as 0 in a spread", () => {
    fc.assert(
      fc.property(fc.array(score), (scores) => {
        const known = scores.filter((s) => s !== null);
        expect(measureIssue([...scores, null])).toEqual(measureIssue(known));
      }),
    );
  });
});

// Where a deal could land, as pure functions: the zone of an issue is the intersection of the
// chosen parties' spans (or the gap and who binds it), a package's breakdown sums to its closeness,
// and every swap listed is an improvement.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findImprovements, scoreParty, type TPackageItem, type TPackageParty } from "@/lib/analysis/package";
import { describeGap, describeZones, measureZone, type TZoneLine } from "@/lib/analysis/zones";
import { lineOn, RED_LINE_BASES } from "@/lib/redlines/line";

const step = fc.integer({ min: -2, max: 2 });
const span = fc.tuple(step, step).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
const basis = fc.constantFrom(...RED_LINE_BASES);
/** Up to six parties, each with a span or none on record. */
const lineSets = fc.array(fc.option(fc.record({ span, basis }), { nil: undefined }), { minLength: 1, maxLength: 6 });

describe("the zone of an issue", () => {
  it("is the intersection of the spans, for every subset of parties; else the gap and the two that bind it", () => {
    fc.assert(
      fc.property(lineSets, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (lines, pick) => {
        const all = lines.map((l, i) => ({ party: `p${i}`, line: l }));
        const chosen = all.filter((_, i) => pick[i]);
        const lineOf = (party: string): TZoneLine | undefined => {
          const l = all.find((x) => x.party === party)!.line;
          return l && { party, ...l.span, basis: l.basis };
        };
        const zone = measureZone(
          "x",
          chosen.map((c) => c.party),
          lineOf,
        );
        const missing = chosen.filter((c) => !c.line).map((c) => c.party);
        expect(zone.unknown).toEqual(missing);
        if (missing.length > 0 || chosen.length === 0) {
          expect([zone.overlap, zone.gap]).toEqual([null, null]);
          return;
        }
        // Every step every chosen party accepts, by brute force.
        const shared = [-2, -1, 0, 1, 2].filter((s) => chosen.every((c) => s >= c.line!.span.min && s <= c.line!.span.max));
        if (shared.length > 0) {
          expect(zone.overlap).toEqual({ min: shared[0], max: shared.at(-1) });
          expect(zone.gap).toBeNull();
        } else {
          expect(zone.overlap).toBeNull();
          const low = lineOf(zone.gap!.low)!;
          const high = lineOf(zone.gap!.high)!;
          expect(low.max).toBe(Math.min(...chosen.map((c) => c.line!.span.max)));
          expect(high.min).toBe(Math.max(...chosen.map((c) => c.line!.span.min)));
          expect(zone.gap!.steps).toBe(high.min - low.max);
          expect(zone.gap!.steps).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("says who binds a gap and how wide it is, and sums up the issues in one sentence", () => {
    const lines: TZoneLine[] = [
      { party: "ukraine", min: -2, max: 0, basis: "stated" },
      { party: "russia", min: 2, max: 2, basis: "stated" },
    ];
    const zone = measureZone("nato", ["russia", "ukraine"], (p) => lines.find((l) => l.party === p));
    expect(zone.gap).toEqual({ steps: 2, low: "ukraine", high: "russia" });
    const name = (p: string) => ({ russia: "Russia", ukraine: "Ukraine" })[p]!;
    expect(describeGap(zone.gap!, zone.lines, name)).toBe("Russia's minimum +2 is 2 steps above Ukraine's maximum 0.");
    const open = measureZone("g8", ["russia", "ukraine"], (p) => (p === "russia" ? lines[1] : undefined));
    expect(open.unknown).toEqual(["ukraine"]);
    expect(describeZones([zone])).toBe("No overlap on 1 of 1 assessable issue; gap 2 steps.");
    expect(describeZones([zone, zone, open])).toBe(
      "No overlap on 2 of 2 assessable issues; every gap 2 steps; 1 issue cannot be assessed.",
    );
  });
});

describe("the line on a day", () => {
  it("is the latest version that started by then; an earlier span with no start on file holds before", () => {
    const versions = [
      { validFrom: null, span: "-2..-1" },
      { validFrom: "2025-12-14", span: "-2..0" },
      { validFrom: "2025-12-18", span: "-2..0 again" },
    ];
    expect(lineOn(versions, "2025-12-01")?.span).toBe("-2..-1");
    expect(lineOn(versions, "2025-12-14")?.span).toBe("-2..0");
    expect(lineOn(versions, null)?.span).toBe("-2..0 again");
    expect(lineOn(versions.slice(1), "2025-12-01")).toBeUndefined();
  });
});

/** Packages over up to five issues and parties with scores (or unknown) and lines (or none). */
const packages = fc
  .record({
    steps: fc.array(step, { minLength: 1, maxLength: 5 }),
    weights: fc.array(fc.constantFrom(0.5, 1, 2), { minLength: 5, maxLength: 5 }),
    parties: fc.array(
      fc.record({
        scores: fc.array(fc.option(step, { nil: null }), { minLength: 5, maxLength: 5 }),
        lines: fc.array(fc.option(span, { nil: undefined }), { minLength: 5, maxLength: 5 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ steps, weights, parties }) => {
    const items: TPackageItem[] = steps.map((s, i) => ({ issue: `i${i}`, step: s, weight: weights[i]! }));
    const scored: TPackageParty[] = parties.map((p, k) => ({
      party: `p${k}`,
      scoreOf: (issue) => p.scores[Number(issue.slice(1))] ?? null,
      lineOf: (issue) => {
        const l = p.lines[Number(issue.slice(1))];
        return l && { ...l, basis: "stated" as const };
      },
    }));
    return { items, parties: scored };
  });

describe("a package scored against every party", () => {
  it("has a breakdown that sums to its closeness, by the stated formula, and breaches exactly the lines it leaves", () => {
    fc.assert(
      fc.property(packages, ({ items, parties }) => {
        for (const party of parties) {
          const result = scoreParty(items, party);
          const known = items.filter((i) => party.scoreOf(i.issue) !== null);
          if (known.length === 0) expect(result.closeness).toBeNull();
          else {
            const total = known.reduce((s, i) => s + i.weight, 0);
            const formula = known.reduce((s, i) => s + i.weight * (1 - Math.abs(i.step - party.scoreOf(i.issue)!) / 4), 0) / total;
            expect(result.closeness).toBeCloseTo(formula, 12);
            expect(result.breakdown.reduce((s, b) => s + b.contribution, 0)).toBeCloseTo(result.closeness!, 12);
          }
          const breached = items.filter((i) => {
            const line = party.lineOf(i.issue);
            return line !== undefined && (i.step < line.min || i.step > line.max);
          });
          expect(result.breaches.map((b) => b.issue)).toEqual(breached.map((i) => i.issue));
        }
      }),
    );
  });

  it("lists only swaps that raise some party's closeness and lower none, and every such swap", () => {
    fc.assert(
      fc.property(packages, ({ items, parties }) => {
        const before = parties.map((p) => scoreParty(items, p).closeness);
        const listed = findImprovements(items, parties);
        for (const [index, item] of items.entries()) {
          for (const to of [-2, -1, 0, 1, 2].filter((s) => s !== item.step)) {
            const after = parties.map(
              (p) =>
                scoreParty(
                  items.map((x, i) => (i === index ? { ...x, step: to } : x)),
                  p,
                ).closeness,
            );
            const raised = parties.filter((_, k) => before[k] !== null && after[k]! > before[k]! + 1e-9).map((p) => p.party);
            const lowered = parties.some((_, k) => before[k] !== null && after[k]! < before[k]! - 1e-9);
            const entry = listed.find((m) => m.issue === item.issue && m.to === to);
            if (raised.length > 0 && !lowered) expect(entry).toEqual({ issue: item.issue, from: item.step, to, helps: raised });
            else expect(entry).toBeUndefined();
          }
        }
      }),
    );
  });
});

// The readings rules (contested, range, agreement, a score at either end), and the cell schema's
// rules for competing readings.
import { describe, expect, it } from "vitest";
import { agreementOf, describeReadings, isContested, rangeOf, readingsOf, scoreAtEnd, type TReadCell } from "@/lib/cells/readings";
import { ZCellVersionInput } from "@/lib/cells/schema";
import type { TReading, TSource } from "@/lib/cells/cell";

const source: TSource = {
  title: "A report",
  publisher: "Outlet",
  url: "https://example.org/a",
  publishedAt: "2025-11-24",
  isDateApproximate: false,
  note: null,
  kind: "original",
  relays: null,
  kindNote: null,
  flags: [],
};
const reading = (score: number | null, rank: TReading["rank"] = "normal", status: TReading["status"] = "reported"): TReading => ({
  score,
  status,
  summary: `Reads ${score}`,
  quote: null,
  sources: [source],
  rank,
  reason: "Another original.",
});
const cell = (score: number | null, readings: TReading[], status: TReading["status"] = "reported"): TReadCell => ({
  score,
  status,
  summary: "Own reading",
  quote: null,
  sources: [source],
  readings,
  preferredReason: readings.length ? "Better sourced." : null,
});

describe("the readings of a version", () => {
  it("lists the version's own reading first, as preferred, with its reason", () => {
    expect(readingsOf(cell(-1, [reading(-2)])).map((r) => [r.rank, r.score, r.reason])).toEqual([
      ["preferred", -1, "Better sourced."],
      ["normal", -2, "Another original."],
    ]);
    expect(readingsOf(cell(1, []))).toEqual([expect.objectContaining({ rank: "preferred", reason: null, score: 1 })]);
  });

  it("is contested when the readings that stand differ in step or in status, never by a deprecated one", () => {
    expect(isContested(cell(-1, []))).toBe(false);
    expect(isContested(cell(-1, [reading(-1)]))).toBe(false);
    expect(isContested(cell(-1, [reading(-2)]))).toBe(true);
    expect(isContested(cell(-1, [reading(-2, "deprecated")]))).toBe(false);
    // Status only: both unscored, one undisclosed and one reported as removed.
    expect(isContested(cell(null, [reading(null)], "undisclosed"))).toBe(true);
    expect(isContested(cell(-1, [reading(-1, "normal", "stated")]))).toBe(true);
  });

  it("ranges over the scores that stand, and has no range when none is scored", () => {
    expect(rangeOf(cell(-1, [reading(-2), reading(1, "deprecated")]))).toEqual({ min: -2, max: -1 });
    expect(rangeOf(cell(2, []))).toEqual({ min: 2, max: 2 });
    expect(rangeOf(cell(null, [reading(1)], "undisclosed"))).toEqual({ min: 1, max: 1 });
    expect(rangeOf(cell(null, [reading(null)], "undisclosed"))).toBeNull();
  });

  it("gives the agreement the confidence rule reads: one step high, adjacent or status-only medium, further low", () => {
    expect(agreementOf(cell(1, []))).toBe("high");
    expect(agreementOf(cell(1, [reading(1)]))).toBe("high");
    expect(agreementOf(cell(-1, [reading(-2)]))).toBe("medium");
    expect(agreementOf(cell(null, [reading(1)], "undisclosed"))).toBe("medium");
    expect(agreementOf(cell(null, [reading(null)], "undisclosed"))).toBe("medium");
    expect(agreementOf(cell(1, [reading(-2)]))).toBe("low");
    expect(agreementOf(cell(1, [reading(-2, "deprecated")]))).toBe("high");
  });

  it("reads a contested cell at either end of its range, and any other cell at its own score", () => {
    const contested = cell(-1, [reading(1)]);
    expect([scoreAtEnd(contested, "low"), scoreAtEnd(contested, "high")]).toEqual([-1, 1]);
    expect([scoreAtEnd(cell(2, []), "low"), scoreAtEnd(cell(2, []), "high")]).toEqual([2, 2]);
    expect(scoreAtEnd(cell(null, [reading(1)], "undisclosed"), "low")).toBe(1);
    expect(scoreAtEnd(cell(null, [], "undisclosed"), "high")).toBeNull();
  });

  it("puts the readings in words for the change log, and nothing when there are none", () => {
    expect(describeReadings(cell(1, []))).toBeNull();
    expect(describeReadings(cell(-1, [reading(-2)]))).toBe(
      "This reading preferred, because Better sourced. | −2 Reported, normal, because Another original.: Reads -2 [A report]",
    );
  });
});

describe("a version's competing readings, as the schema takes them", () => {
  const version = {
    issue: "alpha",
    party: "a",
    label: "Cap",
    summary: "Own reading",
    score: -1,
    status: "reported",
    confidence: "medium",
    asOf: "2025-11-24",
    sources: [source],
  };
  const problems = (input: object) => {
    const parsed = ZCellVersionInput.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("takes readings with a reason for each rank, and defaults to none", () => {
    expect(problems(version)).toEqual([]);
    expect(ZCellVersionInput.parse(version).readings).toEqual([]);
    expect(problems({ ...version, readings: [reading(-2)], preferredReason: "Names a figure." })).toEqual([]);
  });

  it("refuses readings without the reason the preferred one is preferred, without sources, or scored while unknown", () => {
    expect(problems({ ...version, readings: [reading(-2)] })).toEqual([
      "preferredReason: a version with competing readings says why its own is preferred",
    ]);
    expect(problems({ ...version, preferredReason: "x", readings: [{ ...reading(-2), sources: [] }] })).toEqual([
      "readings.0.sources: a competing reading names its sources",
    ]);
    expect(problems({ ...version, preferredReason: "x", readings: [{ ...reading(1), status: "undisclosed" }] })).toEqual([
      "readings.0.score: an undisclosed or no-position reading has a null score",
    ]);
    expect(problems({ ...version, preferredReason: "x", readings: [{ ...reading(-2), rank: "preferred" }] })).toHaveLength(1);
    expect(problems({ ...version, preferredReason: "x", readings: [{ ...reading(-2), reason: "" }] })).toEqual([
      "readings.0.reason: required",
    ]);
  });

  it("holds the evidence's agreement to the readings' own", () => {
    const evidence = { originals: ["FT", "RBC-Ukraine"], agreement: "high" };
    expect(problems({ ...version, preferredReason: "x", readings: [reading(-2)], evidence })).toEqual([
      "evidence.agreement: the agreement of the readings that stand is medium, not high",
    ]);
    expect(problems({ ...version, preferredReason: "x", readings: [reading(-2)], evidence: { ...evidence, agreement: "medium" } })).toEqual(
      [],
    );
  });
});

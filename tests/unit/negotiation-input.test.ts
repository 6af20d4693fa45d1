import { describe, expect, it } from "vitest";
import { ZNegotiationInput } from "@/lib/write/dossier-schema";
import { FIXTURE } from "@/tests/fixtures/negotiation";

type TVersionInput = (typeof FIXTURE)["positions"][number] & { retracts?: string; event?: string };
const input = () =>
  structuredClone(FIXTURE) as unknown as Record<string, unknown> & Omit<typeof FIXTURE, "positions"> & { positions: TVersionInput[] };
const messages = (value: unknown) => {
  const result = ZNegotiationInput.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("ZNegotiationInput", () => {
  it("accepts the fixture", () => {
    expect(messages(input())).toEqual([]);
  });

  it("refuses a score on an undisclosed cell, even 0", () => {
    const data = input();
    data.positions[4]!.score = 0;
    expect(messages(data)).toContain("an undisclosed or no-position cell has a null score, never a number");
  });

  it("refuses a scored cell without an http(s) source", () => {
    const data = input();
    data.positions[0]!.sources = [{ ...data.positions[0]!.sources[0]!, url: null }];
    expect(messages(data)).toContain("a scored position needs at least one source with an http(s) URL");
  });

  it("checks the poles and the events: known, distinct parties; dated, sourced events", () => {
    const data = { ...input(), lowPoleParty: "a", highPoleParty: "a" };
    expect(messages(data)).toEqual(["the two poles must be different parties"]);
    expect(messages({ ...input(), lowPoleParty: "zz" })).toEqual(['"zz" is not one of the dossier\'s parties']);
    const event = { date: "2025-11", title: "Talks", summary: "They met.", sources: [FIXTURE.positions[0]!.sources[0]] };
    expect(messages({ ...input(), events: [event] })).toEqual([]);
    expect(messages({ ...input(), events: [{ ...event, date: "Nov 2025" }] })).toEqual(["a date is YYYY, YYYY-MM or YYYY-MM-DD"]);
    expect(messages({ ...input(), events: [{ ...event, sources: [] }] })).toHaveLength(1);
  });

  it("refuses a javascript: source URL", () => {
    const data = input();
    data.positions[0]!.sources[0]!.url = "javascript:alert(1)";
    expect(messages(data)).toContain("a source URL must be an absolute http(s) address without spaces");
  });

  it.each([
    ["summary", 2000],
    ["quote", 2000],
    ["notes", 4000],
  ] as const)("limits a position's %s to %i characters, naming the field", (field, max) => {
    const data = input();
    data.positions[0]![field] = "x".repeat(max);
    expect(messages(data)).toEqual([]);
    data.positions[0]![field] = "x".repeat(max + 1);
    const result = ZNegotiationInput.safeParse(data);
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [`positions.0.${field}`, `at most ${max.toLocaleString("en")} characters`],
    ]);
  });

  it("limits names, labels and source titles", () => {
    const data = input();
    data.issues[0]!.name = "n".repeat(201);
    data.issues[0]!.lowLabel = "l".repeat(201);
    delete (data.issues[0] as { steps?: unknown }).steps; // its −2 label would no longer be the low label
    data.positions[0]!.sources = [{ ...data.positions[0]!.sources[0]!, title: "t".repeat(501) }];
    expect(messages(data)).toEqual(["at most 200 characters", "at most 200 characters", "at most 500 characters"]);
  });

  it("refuses a missing cell, and takes a cell named twice as two versions of it", () => {
    const data = input();
    data.positions[8] = { ...data.positions[0]!, asOf: "2025-12-01" };
    expect(messages(data)).toEqual(["cell gamma × c has no position"]);
  });

  it("refuses a retraction of a version that does not exist, with a score, or of every version", () => {
    const data = input();
    data.positions.push({ ...data.positions[0]!, asOf: "2025-12-01", retracts: "2025-01-01", score: 1 });
    expect(messages(data)).toEqual([
      "a retraction withdraws an earlier version and has no score of its own",
      'no other version of this cell is dated "2025-01-01"',
    ]);
    const all = input();
    all.positions[0] = { ...all.positions[0]!, asOf: "2025-11-20" };
    all.positions.push({ ...all.positions[0]!, asOf: "2025-12-01", retracts: "2025-11-20", score: null });
    expect(messages(all)).toEqual(["cell alpha × a has every version retracted"]);
  });

  it("refuses a version that names an unknown event and a range that ends before it starts", () => {
    const data = input();
    data.positions[0] = { ...data.positions[0]!, event: "nowhere", asOf: "2025-12-10/2025-12-01" };
    expect(messages(data)).toEqual(["a date range ends on or after its start", 'no event has the slug "nowhere"']);
  });

  it("refuses a score off the scale and duplicate slugs", () => {
    const data = input();
    data.positions[0]!.score = 3 as never;
    data.parties[1]!.slug = "a";
    const found = messages(data);
    expect(found).toContain("a score is from −2 to +2");
    expect(found).toContain('duplicate party slug "a"');
  });
});

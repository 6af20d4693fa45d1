import { describe, expect, it } from "vitest";
import { findMatches, foldText } from "@/lib/domain/text";

describe("foldText", () => {
  it.each([
    ["Genève", "geneve"],
    ["ŁÓDŹ", "łodz"],
    ["ABC", "abc"],
    ["Zelensky’s “plan”", "zelensky’s “plan”"],
  ])("%s → %s", (input, output) => {
    expect(foldText(input)).toBe(output);
  });
});

describe("findMatches", () => {
  it.each([
    ["Talks in Genève", "geneve", [[9, 15]]],
    [
      "NATO, nato and Nato",
      "NATO",
      [
        [0, 4],
        [6, 10],
        [15, 19],
      ],
    ],
    [
      "aaaa",
      "aa",
      [
        [0, 2],
        [2, 4],
      ],
    ],
    ["no match here", "zzz", []],
    ["anything", "   ", []],
    // A decomposed accent (e + combining grave) folds to one letter and stays inside its match.
    ["Gene\u0300ve", "geneve", [[0, 7]]],
  ])("%j, %j → %j", (text, query, ranges) => {
    expect(findMatches(text, query)).toEqual(ranges);
  });
});

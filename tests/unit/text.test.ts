import { describe, expect, it } from "vitest";
import { foldText } from "@/lib/text";

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

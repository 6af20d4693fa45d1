import { expect, it } from "vitest";

/**
 * The two tests of a seed against its research: every difference found is listed with its reason,
 * and every listed difference still occurs (a fixed one leaves the list).
 */
export function itDiffersOnlyAsListed(differences: ReadonlyMap<string, string>, allowed: Readonly<Record<string, string>>) {
  it("differs only where a difference is listed with its reason", () => {
    const unexplained = [...differences].filter(([key]) => !(key in allowed)).map(([key, what]) => `${key}: ${what}`);
    expect(unexplained).toEqual([]);
  });

  it("still has every listed difference (a fixed one leaves the list)", () => {
    expect(Object.keys(allowed).filter((key) => !differences.has(key))).toEqual([]);
  });
}

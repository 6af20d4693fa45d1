import { describe, expect, it } from "vitest";
import { isSafeHttpUrl } from "@/lib/domain/safe-url";
import { formatDate, formatDateText, formatScore, formatSourceDate, formatSourceLine } from "@/lib/domain/format";

describe("formatScore", () => {
  it.each([
    [2, "+2"],
    [1, "+1"],
    [0, "0"],
    [-1, "\u22121"],
    [-2, "\u22122"],
    [null, "—"],
  ] as const)("%s → %s", (score, text) => {
    expect(formatScore(score)).toBe(text);
  });
});

describe("formatDate", () => {
  it.each([
    ["2025-11-21", "21 Nov 2025"],
    ["2025-11", "Nov 2025"],
    ["2025", "2025"],
    ["2025-06-02 / 2025-12-19", "2025-06-02 / 2025-12-19"],
  ])("%s → %s", (input, output) => expect(formatDate(input)).toBe(output));
});

describe("sources", () => {
  const source = { title: "T", publisher: "P", url: null, publishedAt: "2025-12-02", isDateApproximate: true, note: null };
  it("marks approximate and unknown dates", () => {
    expect(formatSourceDate(source)).toBe("c. 2 Dec 2025");
    expect(formatSourceDate({ ...source, publishedAt: null })).toBe("date unknown");
  });
  it("says when no URL is on file", () => {
    expect(formatSourceLine(source)).toBe("T — P, c. 2 Dec 2025 (no URL on file)");
  });
});

describe("isSafeHttpUrl", () => {
  it.each([
    ["https://example.org/x", true],
    ["http://example.org", true],
    ["javascript:alert(1)", false],
    ["JAVASCRIPT:alert(1)", false],
    ["data:text/html,<b>x</b>", false],
    ["/relative", false],
    ["ftp://example.org", false],
    ["", false],
    [null, false],
  ])("%j → %s", (url, safe) => {
    expect(isSafeHttpUrl(url)).toBe(safe);
  });
});

describe("formatDateText", () => {
  it.each([
    ["2025-06-02 to 2025-12-04", "2 Jun 2025 to 4 Dec 2025"],
    ["2025-11-20", "20 Nov 2025"],
    ["2025-11-20 / 2025-11-21", "20 Nov 2025 to 21 Nov 2025"],
    ["early Dec 2025", "early Dec 2025"],
  ])("%s → %s", (text, expected) => {
    expect(formatDateText(text)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { changedFields, describeChange } from "@/lib/analysis/changes";
import { parseValidity } from "@/lib/domain/dates";
import { type TStatus } from "@/lib/domain/words";
import { formatDateText, formatSourceDate } from "@/lib/domain/format";
import { currentVersion, inTimeOrder } from "@/lib/cells/current";

const issue = { lowLabel: "No cap", highLabel: "Tight cap" };

describe("parseValidity", () => {
  it.each([
    ["2025-12-14", { validFrom: "2025-12-14", validTo: null, isApproximate: false }],
    ["c. 2025-11-21", { validFrom: "2025-11-21", validTo: null, isApproximate: true }],
    ["2025-12-18/2025-12-24", { validFrom: "2025-12-18", validTo: "2025-12-24", isApproximate: false }],
    ["2025-06-02 / c. 2025-12-04", { validFrom: "2025-06-02", validTo: "2025-12-04", isApproximate: true }],
    ["2025-06-02 to 2025-12-19", { validFrom: "2025-06-02", validTo: "2025-12-19", isApproximate: false }],
    ["2025-02", { validFrom: "2025-02", validTo: null, isApproximate: false }],
  ])("reads %j with both ends kept", (text, expected) => {
    expect(parseValidity(text)).toEqual(expected);
  });
});

describe("dates as text", () => {
  it("keeps both ends of a range, whichever way it is written", () => {
    expect(formatDateText("2025-12-18/2025-12-24")).toBe("18 Dec 2025 to 24 Dec 2025");
    expect(formatDateText("2025-06-02 / c. 2025-12-04")).toBe("2 Jun 2025 to c. 4 Dec 2025");
    expect(formatDateText("c. 2025-11-21")).toBe("c. 21 Nov 2025");
    expect(formatSourceDate({ publishedAt: "2025-11-20/2025-11-21", isDateApproximate: true })).toBe("c. 20 Nov 2025 to 21 Nov 2025");
  });
});

describe("a cell's versions", () => {
  const v = (asOf: string | null, retracts: string | null = null) => ({ asOf, retracts });

  it("orders them by their first day, a later entry winning a tie", () => {
    const a = v("2025-12-14");
    const b = v("2025-11-20");
    const c = v("2025-12-14");
    expect(inTimeOrder([a, b, c], "2025-01-01")).toEqual([b, a, c]);
    expect(currentVersion([a, b, c])).toBe(c);
  });

  it("never takes a retraction or a retracted version as the current one; a missing date is the party's", () => {
    const first = v(null);
    const wrong = v("2025-12-01");
    const retraction = v("2025-12-05", "2025-12-01");
    expect(currentVersion([first, wrong, retraction], "2025-11-20")).toBe(first);
    expect(currentVersion([wrong, retraction])).toBeUndefined();
  });
});

describe("describing a change", () => {
  const state = (score: number | null, status: TStatus = "stated", label = "L") => ({ score, status, label });

  it("says which of score, status and label moved", () => {
    expect(changedFields(state(-2), state(-2))).toEqual([]);
    expect(changedFields(state(-2), state(-1, "reported", "M"))).toEqual(["score", "status", "label"]);
    expect(changedFields(null, state(1))).toEqual(["score", "status", "label"]);
  });

  it("puts it in the issue's own words, never treating an unknown score as 0", () => {
    expect(describeChange(state(-2), state(0), issue)).toBe("2 steps toward “Tight cap”");
    expect(describeChange(state(1), state(0), issue)).toBe("1 step toward “No cap”");
    expect(describeChange(state(null, "undisclosed"), state(1, "reported"), issue)).toBe(
      "Score now given: +1; Status: Undisclosed → Reported",
    );
    expect(describeChange(state(1), state(null), issue)).toBe("Score no longer given");
    expect(describeChange(state(1), state(1, "stated", "New"), issue)).toBe("Same score and status; new label");
    expect(describeChange(null, state(1), issue)).toBe("First recorded");
  });
});

import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, toCsvFilename, writeCsv } from "@/lib/formats/csv";

const BOM = "\uFEFF";

describe("neutraliseFormula", () => {
  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-2 steps", "'-2 steps"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["＝1", "'＝1"],
    ["plain = text", "plain = text"],
    ["−2 (true minus)", "−2 (true minus)"],
    ["", ""],
  ])("%j → %j", (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });
});

describe("writeCsv", () => {
  it("writes RFC 4180 with a BOM, CRLF, quoting only where needed, doubled quotes", () => {
    const text = writeCsv(
      ["a", "b", "c"],
      [
        ["x, y", 'say "hi"', "line\nbreak"],
        [-2, null, "plain"],
      ],
    );
    expect(text).toBe(`${BOM}a,b,c\r\n"x, y","say ""hi""","line\nbreak"\r\n-2,,plain\r\n`);
  });

  it("keeps numbers as numbers and neutralises text formulas", () => {
    expect(writeCsv(["n", "t"], [[-1, "-1"]])).toBe(`${BOM}n,t\r\n-1,'-1\r\n`);
  });

  it("gives back the same cells when parsed (text without formula starts)", () => {
    const tricky = fc.string({ unit: fc.constantFrom("a", "é", "—", ",", '"', "\n", "\r", " ", ";", "'") });
    const safeText = fc.oneof(tricky, fc.string({ unit: "grapheme" })).filter((s) => !/^[=+\-@\t\r＝＋－＠]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(safeText, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const parsed = parse(writeCsv(["a", "b", "c"], rows), { bom: true, relax_column_count: false });
        expect(parsed).toEqual([["a", "b", "c"], ...rows]);
      }),
    );
  });

  it("gives back formula-like text behind exactly one apostrophe", () => {
    fc.assert(
      fc.property(fc.constantFrom("=", "+", "-", "@"), fc.string(), (start, rest) => {
        const rows = parse(writeCsv(["a"], [[start + rest]]), { bom: true }) as string[][];
        expect(rows[1]?.[0]).toBe(`'${start}${rest}`);
      }),
    );
  });
});

describe("toCsvFilename", () => {
  it("names the file after the slug, the data date and the layout", () => {
    expect(toCsvFilename({ slug: "fixture", asOf: "2025-12-01" }, "long")).toBe("fixture_2025-12-01_long.csv");
  });
});

import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, toCsvFilename, toLongCsv, toWideCsv, writeCsv } from "@/lib/csv";
import { buildMatrix } from "@/lib/matrix";
import { DEFAULT_MATRIX_PARAMS } from "@/lib/matrix-params";
import { FIXTURE } from "../fixtures/negotiation";

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
    const text = writeCsv(["a", "b", "c"], [["x, y", 'say "hi"', "line\nbreak"], [-2, null, "plain"]]);
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

const matrix = buildMatrix(FIXTURE, { ...DEFAULT_MATRIX_PARAMS, issues: ["beta", "gamma"], parties: ["b", "c"] });

describe("matrix CSV", () => {
  it("wide: one row per issue, a score and a position column per party", () => {
    expect(toWideCsv(matrix)).toBe(
      `${BOM}issue,b_score,b_position,c_score,c_position\r\n` +
        `beta,,Not disclosed.,1,'=C also leans high\r\n` +
        `gamma,-1,"B leans low, with a comma, and a\nnewline.",2,'@C wants the high end\r\n`,
    );
  });

  it("long: one row per cell with status, sources and URLs", () => {
    const rows = parse(toLongCsv(matrix), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.issue, r.party, r.score, r.status])).toEqual([
      ["beta", "b", "", "undisclosed"],
      ["beta", "c", "1", "reported"],
      ["gamma", "b", "-1", "reported"],
      ["gamma", "c", "2", "reported"],
    ]);
    expect(rows[1]).toMatchObject({
      issue_name: "Beta issue",
      party_name: "Party C",
      confidence: "high",
      as_of: "2025-11-20",
      sources: "Fixture source — Example, 20 Nov 2025 <https://example.org/a>",
      source_urls: "https://example.org/a",
    });
    expect(rows[0]?.sources).toBe("");
  });

  it("names the file after the slug, the data date and the layout", () => {
    expect(toCsvFilename(matrix, "long")).toBe("fixture_2025-12-01_long.csv");
  });
});

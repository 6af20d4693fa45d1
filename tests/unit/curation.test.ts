import { describe, expect, it } from "vitest";
import { escapeXml } from "@/lib/formats/atom";
import { diffVersions, type TLoggedVersion } from "@/lib/analysis/changes";
import { formToEdit } from "@/lib/formats/edit-form";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";

const VERSION: TLoggedVersion = {
  label: "No NATO",
  score: -2,
  status: "stated",
  confidence: "high",
  asOf: "2025-11-21",
  summary: "Ukraine renounces NATO membership.",
  quote: null,
  notes: null,
  sources: ["Draft text"],
  readings: null,
};

describe("diffVersions", () => {
  it("lists each changed field as text, old → new, in the log's order", () => {
    expect(diffVersions(VERSION, { ...VERSION, score: 1, status: "reported", sources: ["Draft text", "Report"] })).toEqual([
      { field: "score", name: "Score", before: "\u22122", after: "+1" },
      { field: "status", name: "Status", before: "Stated", after: "Reported" },
      { field: "sources", name: "Sources", before: "Draft text", after: "Draft text; Report" },
    ]);
  });

  it("is empty for the same content, and lists every field with a value for a first version", () => {
    expect(diffVersions(VERSION, { ...VERSION })).toEqual([]);
    const first = diffVersions(null, VERSION);
    expect(first.map((c) => c.field)).toEqual(["label", "score", "status", "confidence", "asOf", "summary", "sources"]);
    expect(first.every((c) => c.before === null)).toBe(true);
  });

  it("tells an unknown score from a removed note", () => {
    expect(diffVersions({ ...VERSION, notes: "n" }, { ...VERSION, score: null, status: "undisclosed", notes: null })).toEqual([
      { field: "score", name: "Score", before: "\u22122", after: "—" },
      { field: "status", name: "Status", before: "Stated", after: "Undisclosed" },
      { field: "notes", name: "Notes", before: "n", after: null },
    ]);
  });
});

describe("escapeXml", () => {
  it("escapes markup and drops characters XML cannot carry", () => {
    expect(escapeXml(`<script>alert("x" & 'y')</script>\u0000\u0007ok`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot; &amp; &apos;y&apos;)&lt;/script&gt;ok",
    );
    expect(escapeXml("Zaporizhzhia – ЗАЕС 🙂")).toBe("Zaporizhzhia – ЗАЕС 🙂");
  });
});

describe("formToEdit", () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [key, value] of entries) data.append(key, value);
    return data;
  };

  it("reads the edit form as the write API's body: null for empty optional text and an unknown score", () => {
    const edit = formToEdit(
      form([
        ["label", "L"],
        ["summary", "S"],
        ["score", ""],
        ["status", "undisclosed"],
        ["confidence", "low"],
        ["quote", "  "],
        ["validFrom", "2026-01-02"],
        ["source", "4"],
        ["source", "9"],
        ["addSource", "4"],
        ["reason", "why"],
      ]),
    );
    expect(edit).toEqual({
      label: "L",
      summary: "S",
      score: null,
      status: "undisclosed",
      confidence: "low",
      quote: null,
      notes: null,
      confidenceReason: null,
      validFrom: "2026-01-02",
      sources: [{ id: 4 }, { id: 9 }],
      reason: "why",
    });
  });

  it("adds a new source when its title is filled in, and keeps a numeric score", () => {
    const edit = formToEdit(
      form([
        ["score", "-1"],
        ["newTitle", "New report"],
        ["newPublisher", "Reuters"],
        ["newUrl", ""],
      ]),
    );
    expect(edit).toMatchObject({ score: -1, sources: [{ title: "New report", publisher: "Reuters", url: null, publishedAt: null }] });
  });

  it("carries the competing readings as they were, with the rank and reason the editor gave each", () => {
    const carried = [{ score: -2, status: "reported", summary: "No cap", quote: null, sources: [{ id: 7 }] }];
    const edit = formToEdit(
      form([
        ["readingsBase", JSON.stringify(carried)],
        ["preferredReason", "Names a figure"],
        ["readingRank-0", "deprecated"],
        ["readingReason-0", "The outlet corrected it"],
      ]),
    );
    expect(edit).toMatchObject({
      preferredReason: "Names a figure",
      readings: [{ ...carried[0], rank: "deprecated", reason: "The outlet corrected it" }],
    });
    // A form without readings sends none; a field that is not a list is passed on for the validation to refuse.
    expect(formToEdit(form([["label", "L"]]))).not.toHaveProperty("readings");
    expect(formToEdit(form([["readingsBase", "{oops"]]))).toMatchObject({ readings: "{oops" });
  });
});

describe("security headers", () => {
  it("allow scripts only from this origin or with the nonce, and framing only of embeds", () => {
    const csp = contentSecurityPolicy("abc", { embed: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("abc", { embed: true, https: true })).toContain("frame-ancestors http: https:; upgrade-insecure-requests");
  });

  it("add HSTS over HTTPS only, and X-Frame-Options except on embeds", () => {
    expect(securityHeaders({ nonce: "n", pathname: "/", https: true })).toMatchObject({
      "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
      "X-Frame-Options": "DENY",
    });
    const embed = securityHeaders({ nonce: "n", pathname: "/embed/negotiations/x/charts/y", https: false });
    expect(embed).not.toHaveProperty("X-Frame-Options");
    expect(embed).not.toHaveProperty("Strict-Transport-Security");
  });
});

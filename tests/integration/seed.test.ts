import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSafeHttpUrl } from "@/lib/domain/safe-url";
import { UNKNOWN_STATUSES } from "@/lib/domain/words";
import { getDb } from "@/lib/db/connection";
import { replaceNegotiation } from "@/lib/write/dossier";
import { ROOT } from "@/tests/support/paths";
import { readMatrixJson } from "@/tests/support/routes";

const SLUG = "ukraine-peace-2025";
const SEED = JSON.parse(readFileSync(path.join(ROOT, "prisma", "seed-data", `${SLUG}.json`), "utf8"));

describe("seeded negotiation ukraine-peace-2025", async () => {
  const negotiation = await readMatrixJson(SLUG);
  const cell = (issue: string, party: string) => negotiation.positions.find((p) => p.issue === issue && p.party === party);

  it("has the required issues and the six parties in order", () => {
    const issues = negotiation.issues.map((i) => i.slug);
    for (const slug of ["nato", "army-cap", "donbas", "crimea", "sanctions", "g8"]) expect(issues).toContain(slug);
    expect(negotiation.parties.map((p) => p.slug)).toEqual([
      "us-draft",
      "revised-framework",
      "europe",
      "russia",
      "ukraine",
      "twenty-point",
    ]);
    expect(negotiation.negotiation.title).toBe("Russia–Ukraine peace talks, Nov–Dec 2025");
  });

  it("has every issue × party cell exactly once", () => {
    const cells = negotiation.positions.map((p) => `${p.issue}|${p.party}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(cells.length).toBe(13 * 6);
  });

  it("gives every non-null score a source with an http(s) URL", () => {
    const unsourced = negotiation.positions.filter((p) => p.score !== null && !p.sources.some((s) => isSafeHttpUrl(s.url)));
    expect(unsourced).toEqual([]);
  });

  it("never scores an undisclosed or no-position cell, not even 0", () => {
    const unknown = negotiation.positions.filter((p) => UNKNOWN_STATUSES.includes(p.status));
    expect(unknown.map((p) => `${p.issue}|${p.party}`)).toContain("crimea|twenty-point");
    expect(unknown.filter((p) => p.score !== null)).toEqual([]);
  });

  it("keeps the research's scores, e.g. the G8 row and the Geneva NATO cell", () => {
    expect(cell("g8", "us-draft")).toMatchObject({ score: 2, status: "reported" });
    expect(cell("g8", "russia")).toMatchObject({ score: null, status: "stated" });
    expect(cell("g8", "ukraine")).toMatchObject({ score: null, status: "no_position" });
    expect(cell("nato", "revised-framework")).toMatchObject({ score: 0, status: "reported", asOf: "2025-12-11" });
    expect(cell("army-cap", "europe")).toMatchObject({ score: -1, quote: expect.stringContaining("800,000") });
  });

  it("keeps each cell's history: the Geneva NATO cell was undisclosed on 25 Nov", async () => {
    const early = await readMatrixJson(SLUG, "?asOf=2025-11-25");
    expect(early.positions.find((p) => p.issue === "nato" && p.party === "revised-framework")).toMatchObject({
      score: null,
      status: "undisclosed",
    });
  });

  it("is idempotent: seeding again leaves the same data (recorded anew: only the data version and time differ)", async () => {
    await replaceNegotiation(SEED);
    await replaceNegotiation(SEED);
    const again = await readMatrixJson(SLUG);
    const withoutMeta = ({ meta: _, ...rest }: typeof negotiation) => rest;
    expect(withoutMeta(again)).toEqual(withoutMeta(negotiation));
    expect(again.meta.dataVersion).not.toBe(negotiation.meta.dataVersion);
    expect(await getDb().selectFrom("Negotiation").select("id").where("slug", "=", SLUG).execute()).toHaveLength(1);
  });
});

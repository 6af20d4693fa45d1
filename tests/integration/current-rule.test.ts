// The rule for a cell's current version is written twice (lib/cells/current.ts): over versions in
// memory, for the dossier's validation and the import preview, and in SQL, for the views as of a
// day and for the writer that keeps each cell's pointer. On random histories of one cell (dates as
// days, months, "c." days and ranges; ties; retractions), written through the one writer, both
// give the same version on every day and for the latest data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellsOn, currentVersion, inTimeOrder } from "@/lib/cells/current";
import { getDb } from "@/lib/db/connection";
import { importNegotiation } from "@/lib/write/dossier";
import { FIXTURE } from "@/tests/fixtures/negotiation";

const DATES = ["2025-11-20", "2025-11-25", "2025-12", "c. 2025-12-01", "2025-12-01 to 2025-12-05", "2025-12-10"];
const DAYS = ["2025-11-19", "2025-11-20", "2025-11-24", "2025-11-30", "2025-12-01", "2025-12-03", "2025-12-09", "2026-01-01"];
const PARTY_DATE = "2025-11-20";
const SOURCE = FIXTURE.positions[0]!.sources[0]!;

type TVersion = { asOf: string; retracts: string | null; score: number | null };

/** A history: versions with dates from the pool, some of them retractions of an earlier date. */
const history = fc
  .array(fc.record({ asOf: fc.constantFrom(...DATES), score: fc.integer({ min: -2, max: 2 }), retraction: fc.nat({ max: 9 }) }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((drawn) =>
    drawn.reduce<TVersion[]>((made, { asOf, score, retraction }) => {
      const earlier = made.filter((v) => v.retracts === null).map((v) => v.asOf);
      // About one version in five retracts an earlier (not itself retracting) one.
      if (retraction < 2 && earlier.length > 0) return [...made, { asOf, retracts: earlier[retraction % earlier.length]!, score: null }];
      return [...made, { asOf, retracts: null, score }];
    }, []),
  );

let run = 0;

describe("the current-version rule", () => {
  it("gives the same version in memory and in SQL, on every day and for the latest data", async () => {
    await fc.assert(
      fc.asyncProperty(history, async (versions) => {
        // A history the dossier's own rules refuse (every version retracted) is not a cell.
        fc.pre(currentVersion(versions, PARTY_DATE) !== undefined);
        const slug = `current-rule-${++run}`;
        await importNegotiation(
          {
            ...FIXTURE,
            slug,
            issues: FIXTURE.issues.slice(0, 1),
            parties: [{ ...FIXTURE.parties[0]!, date: PARTY_DATE }],
            positions: versions.map((v, index) => ({
              issue: FIXTURE.issues[0]!.slug,
              party: FIXTURE.parties[0]!.slug,
              label: `version ${index}`,
              summary: `Version ${index}.`,
              score: v.score,
              status: v.score === null ? "reported" : "stated",
              confidence: "high",
              asOf: v.asOf,
              retracts: v.retracts,
              quote: null,
              notes: null,
              sources: [SOURCE],
            })),
          },
          { replace: true },
        );
        const db = getDb();
        const cell = await db
          .selectFrom("Position as p")
          .innerJoin("Issue as i", "i.id", "p.issueId")
          .innerJoin("Negotiation as n", "n.id", "i.negotiationId")
          .select(["p.id", "p.issueId", "p.partyId", "p.versionId"])
          .where("n.slug", "=", slug)
          .executeTakeFirstOrThrow();
        // The writer writes a cell's versions in time order: the n-th id is the n-th version of inTimeOrder.
        const ids = (await db.selectFrom("PositionVersion").select("id").where("positionId", "=", cell.id).orderBy("id").execute()).map(
          (r) => r.id,
        );
        const ordered = inTimeOrder(
          versions.map((v, index) => ({ ...v, index })),
          PARTY_DATE,
        );
        const inMemory = (day: string | null) => {
          const found = currentVersion(ordered, PARTY_DATE, day);
          return found === undefined ? null : ids[ordered.indexOf(found)]!;
        };
        expect(cell.versionId, "the cell's pointer (the latest data)").toBe(inMemory(null));
        for (const day of DAYS) {
          const onDay = await db.selectFrom(cellsOn(db, day)).select("c.versionId").where("c.id", "=", cell.id).executeTakeFirstOrThrow();
          expect(onDay.versionId, `on ${day}`).toBe(inMemory(day));
        }
      }),
      { numRuns: 40 },
    );
  });
});

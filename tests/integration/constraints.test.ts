// The database's own rules, which hold whatever writes to it (on both engines): a version's score
// on the scale and null when unknown, known statuses and confidences, http(s) source URLs only, one
// cell per issue × party, versions that are never rewritten; red lines on the scale, never rewritten.
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/connection";
import { constraintBrokenBy } from "@/tests/support/db";

/** A copy of an existing undisclosed version with some fields changed, inserted as a new row. */
async function insertVersionLike(changes: Record<string, unknown>) {
  const db = getDb();
  const { id: _, ...row } = await db
    .selectFrom("PositionVersion")
    .selectAll()
    .where("status", "=", "undisclosed")
    .limit(1)
    .executeTakeFirstOrThrow();
  return db
    .insertInto("PositionVersion")
    .values({ ...row, asOf: "2025-12-31", validFrom: "2025-12-31", ...changes })
    .execute();
}

describe("database constraints", () => {
  it.each([
    ["a score on an undisclosed version", { score: 0 }],
    ["a score off the scale", { status: "stated", score: 3 }],
    ["an unknown status", { status: "rumoured" }],
    ["an unknown confidence", { confidence: "certain" }],
  ])("refuse %s", async (_, changes) => {
    expect(await constraintBrokenBy(() => insertVersionLike(changes))).toBe("check");
  });

  it("accept a well-formed version (the rows above fail for their one bad field)", async () => {
    expect(await constraintBrokenBy(() => insertVersionLike({}))).toBeUndefined();
  });

  it("refuse a source URL that is not http(s)", async () => {
    const db = getDb();
    const { id: _, ...source } = await db.selectFrom("Source").selectAll().limit(1).executeTakeFirstOrThrow();
    expect(
      await constraintBrokenBy(() =>
        db
          .insertInto("Source")
          .values({ ...source, url: "javascript:alert(1)" })
          .execute(),
      ),
    ).toBe("check");
  });

  it("refuse a second cell for the same issue × party", async () => {
    const db = getDb();
    const { issueId, partyId } = await db.selectFrom("Position").select(["issueId", "partyId"]).limit(1).executeTakeFirstOrThrow();
    expect(await constraintBrokenBy(() => db.insertInto("Position").values({ issueId, partyId }).execute())).toBe("unique");
  });

  it("refuse to rewrite a version", async () => {
    const db = getDb();
    expect(
      await constraintBrokenBy(() =>
        sql`UPDATE "PositionVersion" SET "summary" = 'rewritten' WHERE "id" = (SELECT MIN("id") FROM "PositionVersion")`.execute(db),
      ),
    ).toBe("trigger");
  });

  it.each([
    ["a span off the scale", { min: -3 }],
    ["a span whose max is below its min", { min: 1, max: 0 }],
    ["an unknown basis", { basis: "guessed" }],
    ["a start that is not a day", { validFrom: "Dec 2025" }],
  ])("refuse a red line with %s", async (_, changes) => {
    const db = getDb();
    const { id: _id, ...row } = await db.selectFrom("RedLine").selectAll().limit(1).executeTakeFirstOrThrow();
    expect(
      await constraintBrokenBy(() =>
        db
          .insertInto("RedLine")
          .values({ ...row, ...changes })
          .execute(),
      ),
    ).toBe("check");
  });

  it("refuse to rewrite a red line", async () => {
    const db = getDb();
    expect(
      await constraintBrokenBy(() => sql`UPDATE "RedLine" SET "max" = 2 WHERE "id" = (SELECT MIN("id") FROM "RedLine")`.execute(db)),
    ).toBe("trigger");
  });
});

import { describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";

// SQLite's documented extended result codes, not its message wording.
function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe("database constraints", () => {
  const db = getDatabase();
  const undisclosed = () => db.prepare(`SELECT * FROM "Position" WHERE "status" = 'undisclosed' LIMIT 1`).get() as Record<string, unknown>;
  const update =
    (set: string, ...values: unknown[]) =>
    () =>
      db.prepare(`UPDATE "Position" SET ${set} WHERE "id" = ?`).run(...values, undisclosed().id);

  it.each([
    ["a score on an undisclosed cell", update(`"score" = ?`, 0)],
    ["a score off the scale", update(`"status" = 'stated', "score" = ?`, 3)],
    ["an unknown status", update(`"status" = ?`, "rumoured")],
    ["an unknown confidence", update(`"confidence" = ?`, "certain")],
    [
      "a non-http source URL",
      () => db.prepare(`UPDATE "Source" SET "url" = 'javascript:alert(1)' WHERE "id" = (SELECT MIN("id") FROM "Source")`).run(),
    ],
  ])("refuses %s", (_, run) => {
    expect(errorCode(run)).toBe("SQLITE_CONSTRAINT_CHECK");
  });

  it("refuses a second position for the same issue × party", () => {
    const { issueId, partyId } = undisclosed();
    const insert = () =>
      db
        .prepare(
          `INSERT INTO "Position" ("issueId", "partyId", "summary", "status", "confidence") VALUES (?, ?, 'again', 'undisclosed', 'low')`,
        )
        .run(issueId, partyId);
    expect(errorCode(insert)).toBe("SQLITE_CONSTRAINT_UNIQUE");
  });
});

import "server-only";
import type { TDb } from "./connection";

// The data's version: one row that every write transaction advances (lib/cells/write.ts and the
// other writers call `advanceDataVersion` inside their transaction), so that every app instance's
// response cache can tell, with one cheap read, whether the data changed since it stored a response.

/** Advances the data version, inside the caller's write transaction. */
export async function advanceDataVersion(db: TDb): Promise<void> {
  await db
    .updateTable("DataVersion")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", 1)
    .execute();
}

/** The data version now (0 on a database that has never been written). */
export async function readDataVersion(db: TDb): Promise<number> {
  const row = await db.selectFrom("DataVersion").select("version").where("id", "=", 1).executeTakeFirst();
  return row?.version ?? 0;
}

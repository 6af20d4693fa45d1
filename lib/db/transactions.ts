import "server-only";
import { sql } from "kysely";
import { getDb, getEngine, openDedicatedDb, type TDb } from "./connection";

// The two kinds of transaction every module uses, the same on both engines:
// - a read snapshot: every query of a view sees one consistent state (SQLite: one deferred
//   transaction in WAL mode; PostgreSQL: REPEATABLE READ, READ ONLY), so a re-import between two
//   reads of a view can never mix two states;
// - a write: all or nothing, serialised with other writers (SQLite: BEGIN IMMEDIATE takes the
//   write lock at once, so two writers never deadlock on upgrading; PostgreSQL: READ COMMITTED with
//   row locks where a write must see the latest committed state, see lib/cells/write.ts).
// Functions that read take the transaction (`TDb`) as their first argument, so that a view built
// from several of them still runs in one snapshot.

/** Runs `work` in one read-only snapshot of the database (SQLite ignores the isolation settings: a deferred transaction is its snapshot). */
export async function readSnapshot<T>(work: (db: TDb) => Promise<T>): Promise<T> {
  return getDb().transaction().setIsolationLevel("repeatable read").setAccessMode("read only").execute(work);
}

/** Runs `work` in one write transaction: committed when it returns, rolled back when it throws. */
export async function writeTransaction<T>(work: (db: TDb) => Promise<T>): Promise<T> {
  const db = getDb();
  if (getEngine() === "postgres") return db.transaction().execute(work);
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

/**
 * A snapshot held open on a database of its own, for a read that outlives a function call (a
 * streamed export): the caller reads with `db` for as long as it needs, then calls `close`, which
 * ends the transaction and the connection.
 */
export async function openSnapshot(): Promise<{ db: TDb; close: () => Promise<void> }> {
  const dedicated = openDedicatedDb();
  const trx = await dedicated
    .startTransaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute()
    .catch(async (error) => {
      await dedicated.destroy();
      throw error;
    });
  let closed = false;
  return {
    db: trx,
    close: async () => {
      if (closed) return;
      closed = true;
      await trx
        .commit()
        .execute()
        .catch(() => {});
      await dedicated.destroy();
    },
  };
}

// Reading the test database directly, on either engine, for what a test checks beneath the public API.
import { sql } from "kysely";
import { getDb, getEngine } from "@/lib/db/connection";

/** The id of a stored negotiation. */
export async function negotiationIdOf(slug: string): Promise<number> {
  return (await getDb().selectFrom("Negotiation").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
}

/** The rows of a table, every column (for checks that nothing was written, or that a secret is absent). */
export function allRows(
  table: "User" | "ApiToken" | "Session" | "PositionVersion" | "Source" | "AuditEntry" | "ImportDraft" | "Negotiation",
) {
  return getDb().selectFrom(table).selectAll().execute();
}

/** Runs `work` while the database refuses inserts into a table's rows with sortOrder 2 (a stand-in for a full disk part-way through a write). */
export async function withFailingInserts(table: "PositionVersionSource" | "Source", work: () => Promise<void>): Promise<void> {
  const db = getDb();
  const postgres = getEngine() === "postgres";
  if (postgres) {
    await sql
      .raw(
        `CREATE FUNCTION "fail_write"() RETURNS trigger AS $$ BEGIN IF NEW."sortOrder" = 2 THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql.raw(`CREATE TRIGGER "fail_write" BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION "fail_write"()`).execute(db);
  } else
    await sql
      .raw(`CREATE TRIGGER "fail_write" BEFORE INSERT ON "${table}" WHEN NEW."sortOrder" = 2 BEGIN SELECT RAISE(ABORT, 'refused'); END`)
      .execute(db);
  try {
    await work();
  } finally {
    await sql.raw(postgres ? `DROP TRIGGER "fail_write" ON "${table}"` : `DROP TRIGGER "fail_write"`).execute(db);
    if (postgres) await sql.raw(`DROP FUNCTION "fail_write"()`).execute(db);
  }
}

/** How many cells (issue × party) a negotiation has stored. */
export async function cellCount(slug?: string): Promise<number> {
  const rows = await getDb()
    .selectFrom("Position as p")
    .innerJoin("Issue as i", "i.id", "p.issueId")
    .innerJoin("Negotiation as n", "n.id", "i.negotiationId")
    .select("p.id")
    .$if(slug !== undefined, (qb) => qb.where("n.slug", "=", slug!))
    .execute();
  return rows.length;
}

/** The kind of constraint a database error broke, by each engine's documented codes (not its wording). */
export function brokenConstraint(error: unknown): "check" | "unique" | "foreign key" | "not null" | "trigger" | undefined {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const codes: Record<string, "check" | "unique" | "foreign key" | "not null"> = {
    SQLITE_CONSTRAINT_CHECK: "check",
    "23514": "check",
    SQLITE_CONSTRAINT_UNIQUE: "unique",
    SQLITE_CONSTRAINT_PRIMARYKEY: "unique",
    "23505": "unique",
    SQLITE_CONSTRAINT_FOREIGNKEY: "foreign key",
    "23503": "foreign key",
    SQLITE_CONSTRAINT_NOTNULL: "not null",
    "23502": "not null",
  };
  if (code && codes[code]) return codes[code];
  // A trigger's refusal: SQLite's RAISE(ABORT) and PostgreSQL's RAISE EXCEPTION.
  if (code === "SQLITE_CONSTRAINT_TRIGGER" || code === "P0001" || /immutable/.test(message ?? "")) return "trigger";
  return undefined;
}

/** What a write does: resolves to the constraint it broke, or undefined when it went through. */
export async function constraintBrokenBy(write: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await write();
  } catch (error) {
    return brokenConstraint(error) ?? (error as Error).message;
  }
  return undefined;
}

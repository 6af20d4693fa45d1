import "server-only";
import { sql, type AliasedRawBuilder, type Expression, type RawBuilder } from "kysely";
import { getEngine, type TDb } from "./connection";

// Where SQLite and PostgreSQL differ, in one place. A list goes in as one parameter (SQLite: a JSON
// array read with json_each; PostgreSQL: an array), so that no list meets a parameter limit and a
// query's text does not change with its length. Everything else the queries use is common SQL.

/** `ref IN (the numbers)`, as one parameter. */
export function inIds(ref: Expression<unknown>, ids: readonly number[]): RawBuilder<boolean> {
  return getEngine() === "postgres"
    ? sql<boolean>`${ref} = ANY(${[...ids]}::int[])`
    : sql<boolean>`${ref} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** `ref IN (the texts)`, as one parameter. */
export function inTexts(ref: Expression<unknown>, texts: readonly string[]): RawBuilder<boolean> {
  return getEngine() === "postgres"
    ? sql<boolean>`${ref} = ANY(${[...texts]}::text[])`
    : sql<boolean>`${ref} IN (SELECT value FROM json_each(${JSON.stringify(texts)}))`;
}

/**
 * The numbers as a table `alias(value, key)`, `key` counting from 0 in the order given: for
 * queries that return rows in the order of a list (the view's rows, a chunk of an export).
 */
export function orderedIds<A extends string>(ids: readonly number[], alias: A): AliasedRawBuilder<{ value: number; key: number }, A> {
  return getEngine() === "postgres"
    ? sql<{
        value: number;
        key: number;
      }>`(SELECT t.value, t.key - 1 AS key FROM unnest(${[...ids]}::int[]) WITH ORDINALITY AS t(value, key))`.as(alias)
    : sql<{ value: number; key: number }>`(SELECT CAST(value AS INTEGER) AS value, key FROM json_each(${JSON.stringify(ids)}))`.as(alias);
}

/** Whether `text` contains `part` (case as given: search text is stored folded). */
export function contains(text: Expression<string>, part: string): RawBuilder<boolean> {
  return getEngine() === "postgres" ? sql<boolean>`strpos(${text}, ${part}) > 0` : sql<boolean>`instr(${text}, ${part}) > 0`;
}

/**
 * The texts of an ordered subquery's column `value`, joined by `separator` in its order (null when
 * it has no rows): group_concat on SQLite, string_agg on PostgreSQL.
 */
export function joinInOrder(ordered: RawBuilder<unknown>, separator: string): RawBuilder<string | null> {
  return getEngine() === "postgres"
    ? sql<string | null>`(SELECT string_agg(o.value, ${separator}) FROM (${ordered}) o)`
    : sql<string | null>`(SELECT group_concat(o.value, ${separator}) FROM (${ordered}) o)`;
}

/** The larger of two texts (ISO dates compare as texts): max() on SQLite, greatest() on PostgreSQL. */
export function greaterOf(a: Expression<string>, b: string): RawBuilder<string> {
  return getEngine() === "postgres" ? sql<string>`greatest(${a}, ${b})` : sql<string>`max(${a}, ${b})`;
}

/** Tables whose ids the writers allocate before a batch insert. */
type TIdTable = "PositionVersion" | "PositionReading" | "Source" | "RedLine" | "Draft" | "DraftPoint" | "DraftPointVersion" | "PointLink";

/**
 * `count` new ids for a table, allocated before a batch insert (inside the caller's write
 * transaction), so that rows can refer to each other without a round trip per row: on SQLite the
 * ids after the highest ever used (the write lock is held), on PostgreSQL from the table's sequence.
 */
export async function allocateIds(db: TDb, table: TIdTable, count: number): Promise<number[]> {
  if (count === 0) return [];
  if (getEngine() === "postgres") {
    const { rows } = await sql<{
      id: number;
    }>`SELECT nextval(pg_get_serial_sequence(${`"${table}"`}, 'id'))::int AS id FROM generate_series(1, ${count})`.execute(db);
    return rows.map((r) => r.id);
  }
  const { rows } = await sql<{
    last: number | null;
  }>`SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ${table}), 0), COALESCE((SELECT max(id) FROM ${sql.table(table)}), 0)) AS last`.execute(
    db,
  );
  const last = rows[0]?.last ?? 0;
  return Array.from({ length: count }, (_, index) => last + index + 1);
}

/** Whether a database error is a broken unique constraint (a slug or an email taken by a concurrent write). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/**
 * Holds a negotiation against other writers until the caller's write transaction ends: on
 * PostgreSQL a row lock (writers of one negotiation take turns, so a data version is never computed
 * from a state another writer is changing); on SQLite the write lock of BEGIN IMMEDIATE does this
 * already. Returns the negotiation's id, or undefined when there is none with the slug or id.
 */
export async function lockNegotiation(db: TDb, which: { slug: string } | { id: number }): Promise<number | undefined> {
  const row = await db
    .selectFrom("Negotiation")
    .select("id")
    .$if("slug" in which, (qb) => qb.where("slug", "=", (which as { slug: string }).slug))
    .$if("id" in which, (qb) => qb.where("id", "=", (which as { id: number }).id))
    .$if(getEngine() === "postgres", (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row?.id;
}

/** A text in byte order, as SQLite compares it: PostgreSQL would otherwise sort by its database's locale. */
export function inByteOrder(text: Expression<string>): RawBuilder<string> {
  return getEngine() === "postgres" ? sql<string>`${text} COLLATE "C"` : sql<string>`${text}`;
}

/** Tables the writers insert in bulk. */
type TBulkTable =
  | "Source"
  | "Position"
  | "PositionVersion"
  | "PositionVersionSource"
  | "PositionReading"
  | "PositionReadingSource"
  | "RedLine"
  | "RedLineSource"
  | "Draft"
  | "DraftSource"
  | "DraftPoint"
  | "DraftPointVersion"
  | "DraftPointIssue"
  | "DraftPointSource"
  | "PointLink"
  | "PointLinkSource";

/** Rows per statement: SQLite binds each value (at most 32,766 per statement); PostgreSQL binds one array per column. */
export const BULK_ROWS = { sqlite: 500, postgres: 5000 } as const;

/** Each column's type in PostgreSQL, read once per process (the array types of `unnest`). */
const columnTypes = new Map<string, Promise<Map<string, string>>>();
function postgresTypes(db: TDb, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    types = sql<{ column: string; type: string }>`SELECT column_name AS "column", udt_name AS "type" FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table}`
      .execute(db)
      .then(({ rows }) => new Map(rows.map((r) => [r.column, r.type])));
    columnTypes.set(table, types);
  }
  return types;
}

/**
 * Inserts rows in bulk, in statements of many rows, inside the caller's transaction (rows with
 * the same keys; `conflict`: the unique columns whose duplicates are skipped). SQLite takes a
 * multi-row VALUES; PostgreSQL one array per column through `unnest`, which it binds and plans in a
 * fraction of the time of thousands of single values (measured: 100,000 cells imported in about
 * half the time). Returns how many rows were inserted.
 */
export async function insertMany<T extends TBulkTable>(
  db: TDb,
  table: T,
  rows: readonly Record<string, unknown>[],
  conflict?: readonly string[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const engine = getEngine();
  const columns = Object.keys(rows[0]!);
  const onConflict = conflict ? sql` ON CONFLICT (${sql.join(conflict.map((c) => sql.ref(c)))}) DO NOTHING` : sql``;
  const types = engine === "postgres" ? await postgresTypes(db, table) : null;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += BULK_ROWS[engine]) {
    const batch = rows.slice(start, start + BULK_ROWS[engine]);
    const source = types
      ? sql`SELECT * FROM unnest(${sql.join(columns.map((c) => sql`${batch.map((r) => r[c] ?? null)}::${sql.raw(types.get(c)!)}[]`))})`
      : sql`VALUES ${sql.join(batch.map((r) => sql`(${sql.join(columns.map((c) => r[c] ?? null))})`))}`;
    const statement = sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) ${source}${onConflict}`;
    inserted += Number((await statement.execute(db)).numAffectedRows ?? 0);
  }
  return inserted;
}

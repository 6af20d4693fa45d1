// The two migration histories cannot drift: a SQLite database made by the SQLite history and the
// PostgreSQL test database made by the PostgreSQL history have the same tables, columns (name,
// nullability, kind of type), primary keys, indexes (name, columns, uniqueness), foreign keys
// (columns, target, on delete), CHECK constraints (per table, the columns each one reads) and
// triggers. How each constraint behaves is tests/integration/constraints.test.ts, on both engines.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/connection";
import { migrateSqlite, migrationsDirOf } from "@/lib/db/migrate";
import { openSqlite } from "@/lib/db/open";
import { ROOT } from "@/tests/support/paths";

type TSchema = {
  columns: string[];
  indexes: string[];
  foreignKeys: string[];
  checks: string[];
  triggers: string[];
};

/** The table's columns a constraint's expression reads, sorted: what it constrains, whatever the dialect's syntax and quoting. */
const namesIn = (expression: string, columns: readonly string[]) =>
  columns
    // PostgreSQL writes its casts into a CHECK's definition ('open'::text): a type, not a column called "text".
    .filter((c) => new RegExp(`(^|[^A-Za-z_':])"?${c}"?([^A-Za-z_']|$)`).test(expression))
    .sort()
    .join(",");

/** Every `CHECK (…)` of a CREATE TABLE statement, its parentheses balanced. */
function checksOf(createTable: string): string[] {
  const found: string[] = [];
  for (let at = createTable.indexOf("CHECK ("); at !== -1; at = createTable.indexOf("CHECK (", at + 1)) {
    let depth = 0;
    let end = at + "CHECK ".length;
    for (; end < createTable.length; end++) {
      if (createTable[end] === "(") depth++;
      if (createTable[end] === ")" && --depth === 0) break;
    }
    found.push(createTable.slice(at, end + 1));
  }
  return found;
}

/** A column type as a kind: SQLite's declared types and PostgreSQL's mapped onto the same words. */
function kindOf(type: string): string {
  const t = type.toLowerCase();
  if (/int|serial/.test(t)) return "integer";
  if (/bool/.test(t)) return "boolean";
  if (/real|double|float|numeric/.test(t)) return "real";
  if (/time|date/.test(t)) return "datetime";
  return "text";
}

function sqliteSchema(): TSchema {
  const dir = mkdtempSync(path.join(os.tmpdir(), "schema-parity-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = openSqlite(path.join(dir, "parity.db"), { create: true });
  migrateSqlite(db, migrationsDirOf("sqlite", ROOT));
  const tables = db
    .prepare(
      `SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' AND "name" <> '_prisma_migrations'`,
    )
    .all() as { name: string; sql: string }[];
  const schema: TSchema = { columns: [], indexes: [], foreignKeys: [], checks: [], triggers: [] };
  for (const { name, sql: createTable } of tables) {
    const info = db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
    for (const c of info)
      schema.columns.push(`${name}.${c.name} ${kindOf(c.type)}${c.notnull || c.pk ? " not null" : ""}${c.pk ? ` pk${c.pk}` : ""}`);
    for (const i of db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number; origin: string }[]) {
      if (i.origin === "pk") continue;
      const columns = (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name);
      schema.indexes.push(`${name} ${i.name} (${columns.join(",")})${i.unique ? " unique" : ""}`);
    }
    for (const f of db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as {
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }[])
      schema.foreignKeys.push(`${name}.${f.from} -> ${f.table}.${f.to} on delete ${f.on_delete.toLowerCase()}`);
    for (const check of checksOf(createTable))
      schema.checks.push(
        `${name} (${namesIn(
          check,
          info.map((c) => c.name),
        )})`,
      );
  }
  for (const t of db.prepare(`SELECT "name", "tbl_name" FROM sqlite_master WHERE "type" = 'trigger'`).all() as {
    name: string;
    tbl_name: string;
  }[])
    schema.triggers.push(`${t.tbl_name} ${t.name}`);
  db.close();
  return sorted(schema);
}

async function postgresSchema(): Promise<TSchema> {
  const db = getDb();
  const schema: TSchema = { columns: [], indexes: [], foreignKeys: [], checks: [], triggers: [] };
  const columns = await sql<{ table: string; column: string; type: string; nullable: string; pk: number | null }>`
    SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "type", c.is_nullable AS "nullable",
      (SELECT k.ordinal_position FROM information_schema.table_constraints t
         JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_name = t.table_name
         WHERE t.table_name = c.table_name AND t.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name) AS "pk"
    FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations'`.execute(db);
  const columnsOf = (table: string) => columns.rows.filter((c) => c.table === table).map((c) => c.column);
  for (const c of columns.rows)
    schema.columns.push(`${c.table}.${c.column} ${kindOf(c.type)}${c.nullable === "NO" ? " not null" : ""}${c.pk ? ` pk${c.pk}` : ""}`);
  const indexes = await sql<{ table: string; name: string; columns: string; unique: boolean }>`
    SELECT t.relname AS "table", i.relname AS "name", x.indisunique AS "unique",
      (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS "columns"
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace s ON s.oid = t.relnamespace
    WHERE s.nspname = current_schema() AND NOT x.indisprimary AND t.relname <> '_prisma_migrations'`.execute(db);
  for (const i of indexes.rows) schema.indexes.push(`${i.table} ${i.name} (${i.columns})${i.unique ? " unique" : ""}`);
  const constraints = await sql<{ table: string; type: string; definition: string; column: string | null; target: string | null }>`
    SELECT t.relname AS "table", c.contype AS "type", pg_get_constraintdef(c.oid) AS "definition",
      (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = c.conkey[1]) AS "column",
      (SELECT r.relname || '.' || a.attname FROM pg_class r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = c.confkey[1]
         WHERE r.oid = c.confrelid) AS "target"
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace s ON s.oid = t.relnamespace
    WHERE s.nspname = current_schema() AND c.contype IN ('c', 'f') AND t.relname <> '_prisma_migrations'`.execute(db);
  for (const c of constraints.rows) {
    if (c.type === "c") schema.checks.push(`${c.table} (${namesIn(c.definition, columnsOf(c.table))})`);
    else {
      const onDelete = /ON DELETE (CASCADE|SET NULL|RESTRICT|SET DEFAULT)/.exec(c.definition)?.[1]?.toLowerCase() ?? "no action";
      schema.foreignKeys.push(`${c.table}.${c.column} -> ${c.target} on delete ${onDelete}`);
    }
  }
  const triggers = await sql<{ table: string; name: string }>`
    SELECT DISTINCT event_object_table AS "table", trigger_name AS "name" FROM information_schema.triggers
    WHERE trigger_schema = current_schema()`.execute(db);
  for (const t of triggers.rows) schema.triggers.push(`${t.table} ${t.name}`);
  return sorted(schema);
}

const sorted = (schema: TSchema): TSchema =>
  Object.fromEntries(Object.entries(schema).map(([key, list]) => [key, [...list].sort()])) as TSchema;

describe("the SQLite and PostgreSQL migration histories", () => {
  it("make the same schema", async () => {
    const [sqlite, postgres] = [sqliteSchema(), await postgresSchema()];
    expect(postgres.columns.length).toBeGreaterThan(100);
    expect(postgres.checks.length).toBeGreaterThan(10);
    expect(postgres).toEqual(sqlite);
  });
});

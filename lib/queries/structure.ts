import "server-only";
import type Database from "better-sqlite3";
import { z } from "zod";
import { getDatabase } from "../db";
import { ZEventInput, ZIssueInput, ZNewNegotiation, ZPartyInput, ZText, type TValidationProblem } from "../negotiation-input";
import { foldText } from "../text";
import { CellValidationError } from "./cell-edits";
import { DATA_VERSION_SQL, prepareSourceInsert } from "./write-negotiation";

// Changes to a negotiation's structure: issues and parties added, renamed and reordered, events
// added (with their sources), a new negotiation with an empty matrix. Each is validated with the
// import's own schemas, written in one transaction with an audit entry (who, when, why, before and
// after), and moves the negotiation's data version on.

const ZDirection = z.enum(["up", "down"]);
const ZSlugRef = z.string().min(1).max(60);

export const ZStructureChange = z.discriminatedUnion("action", [
  z.object({ action: z.literal("issue.add"), issue: ZIssueInput }),
  z.object({ action: z.literal("issue.update"), slug: ZSlugRef, fields: ZIssueInput.omit({ slug: true }) }),
  z.object({ action: z.literal("issue.move"), slug: ZSlugRef, direction: ZDirection }),
  z.object({ action: z.literal("party.add"), party: ZPartyInput }),
  z.object({ action: z.literal("party.update"), slug: ZSlugRef, fields: ZPartyInput.omit({ slug: true }) }),
  z.object({ action: z.literal("party.move"), slug: ZSlugRef, direction: ZDirection }),
  z.object({ action: z.literal("event.add"), event: ZEventInput }),
]);
export type TStructureChange = z.input<typeof ZStructureChange>;

/** A change that cannot be made (a slug already taken, a row that does not exist), in plain words. */
export class StructureError extends Error {}

const problemsOf = (error: z.ZodError): TValidationProblem[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(change)", message: i.message }));

type TTable = "Issue" | "Party";

function move(db: Database.Database, table: TTable, negotiationId: number, slug: string, direction: "up" | "down") {
  const row = db.prepare(`SELECT "id", "sortOrder" FROM "${table}" WHERE "negotiationId" = ? AND "slug" = ?`).get(negotiationId, slug) as
    { id: number; sortOrder: number } | undefined;
  if (!row) throw new StructureError(`There is no ${table.toLowerCase()} “${slug}”.`);
  const [op, order] = direction === "up" ? ["<", "DESC"] : [">", "ASC"];
  const other = db
    .prepare(
      `SELECT "id", "sortOrder" FROM "${table}" WHERE "negotiationId" = ? AND "sortOrder" ${op} ? ORDER BY "sortOrder" ${order} LIMIT 1`,
    )
    .get(negotiationId, row.sortOrder) as { id: number; sortOrder: number } | undefined;
  if (!other) throw new StructureError(`“${slug}” is already ${direction === "up" ? "first" : "last"}.`);
  const set = db.prepare(`UPDATE "${table}" SET "sortOrder" = ? WHERE "id" = ?`);
  set.run(other.sortOrder, row.id);
  set.run(row.sortOrder, other.id);
  return { before: { sortOrder: row.sortOrder }, after: { sortOrder: other.sortOrder } };
}

function update(db: Database.Database, table: TTable, negotiationId: number, slug: string, fields: Record<string, unknown>) {
  const before = db.prepare(`SELECT * FROM "${table}" WHERE "negotiationId" = ? AND "slug" = ?`).get(negotiationId, slug) as
    Record<string, unknown> | undefined;
  if (!before) throw new StructureError(`There is no ${table.toLowerCase()} “${slug}”.`);
  const values = { ...fields, ...(table === "Issue" ? { searchText: foldText(String(fields.name)), isCore: fields.isCore ? 1 : 0 } : {}) };
  const columns = Object.keys(values);
  db.prepare(`UPDATE "${table}" SET ${columns.map((c) => `"${c}" = @${c}`).join(", ")} WHERE "id" = @id`).run({ ...values, id: before.id });
  const pick = (row: Record<string, unknown>) => Object.fromEntries(Object.keys(fields).map((k) => [k, row[k]]));
  return { before: pick(before), after: pick({ ...before, ...fields }) };
}

function nextOrder(db: Database.Database, table: TTable | "Event", negotiationId: number): number {
  return (
    (db
      .prepare(`SELECT COALESCE(MAX("sortOrder") + 1, 0) FROM "${table}" WHERE "negotiationId" = ?`)
      .pluck()
      .get(negotiationId) as number) ?? 0
  );
}

function taken(db: Database.Database, table: TTable, negotiationId: number, slug: string) {
  if (db.prepare(`SELECT 1 FROM "${table}" WHERE "negotiationId" = ? AND "slug" = ?`).get(negotiationId, slug))
    throw new StructureError(`The slug “${slug}” is already used by another ${table.toLowerCase()} of this negotiation.`);
}

function apply(db: Database.Database, negotiationId: number, change: z.infer<typeof ZStructureChange>) {
  switch (change.action) {
    case "issue.add": {
      const i = change.issue;
      taken(db, "Issue", negotiationId, i.slug);
      db.prepare(
        `INSERT INTO "Issue" ("negotiationId", "slug", "name", "description", "sortOrder", "isCore", "lowLabel", "highLabel", "searchText") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        negotiationId,
        i.slug,
        i.name,
        i.description,
        nextOrder(db, "Issue", negotiationId),
        i.isCore ? 1 : 0,
        i.lowLabel,
        i.highLabel,
        foldText(i.name),
      );
      return { target: i.slug, detail: { after: i } };
    }
    case "party.add": {
      const p = change.party;
      taken(db, "Party", negotiationId, p.slug);
      db.prepare(
        `INSERT INTO "Party" ("negotiationId", "slug", "name", "kind", "date", "description", "sortOrder") VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(negotiationId, p.slug, p.name, p.kind, p.date, p.description, nextOrder(db, "Party", negotiationId));
      return { target: p.slug, detail: { after: p } };
    }
    case "issue.update":
      return { target: change.slug, detail: update(db, "Issue", negotiationId, change.slug, change.fields) };
    case "party.update":
      return { target: change.slug, detail: update(db, "Party", negotiationId, change.slug, change.fields) };
    case "issue.move":
      return { target: change.slug, detail: move(db, "Issue", negotiationId, change.slug, change.direction) };
    case "party.move":
      return { target: change.slug, detail: move(db, "Party", negotiationId, change.slug, change.direction) };
    case "event.add": {
      const e = change.event;
      if (e.slug && db.prepare(`SELECT 1 FROM "Event" WHERE "negotiationId" = ? AND "slug" = ?`).get(negotiationId, e.slug))
        throw new StructureError(`The slug “${e.slug}” is already used by another event of this negotiation.`);
      const eventId = db
        .prepare(`INSERT INTO "Event" ("negotiationId", "slug", "date", "title", "summary", "sortOrder") VALUES (?, ?, ?, ?, ?, ?)`)
        .run(negotiationId, e.slug, e.date, e.title, e.summary, nextOrder(db, "Event", negotiationId)).lastInsertRowid;
      const insertSource = prepareSourceInsert(db);
      for (const [order, s] of e.sources.entries()) {
        const sourceId = insertSource(negotiationId, s);
        db.prepare(`INSERT INTO "EventSource" ("eventId", "sourceId", "sortOrder") VALUES (?, ?, ?)`).run(eventId, sourceId, order);
      }
      db.prepare(`UPDATE "Negotiation" SET "asOf" = MAX("asOf", ?) WHERE "id" = ?`).run(e.date, negotiationId);
      return { target: e.slug ?? e.title, detail: { after: e } };
    }
  }
}

/** Appends an audit entry and moves the negotiation's data version on (inside the caller's transaction). */
function audit(
  db: Database.Database,
  entry: { negotiationId: number; userId: string; reason: string; action: string; target: string; detail: object },
) {
  const id = db
    .prepare(
      `INSERT INTO "AuditEntry" ("negotiationId", "userId", "at", "reason", "action", "target", "detail") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.negotiationId,
      entry.userId,
      new Date().toISOString(),
      entry.reason,
      entry.action,
      entry.target,
      JSON.stringify(entry.detail),
    ).lastInsertRowid;
  db.prepare(DATA_VERSION_SQL).run(entry.negotiationId);
  db.prepare(`UPDATE "Negotiation" SET "dataVersion" = "dataVersion" || '.' || ? WHERE "id" = ?`).run(id, entry.negotiationId);
}

const ZReason = ZText(500);

/** Makes one change to a negotiation's structure, all or nothing, with its audit entry. */
export function changeStructure(args: {
  slug: string;
  change: unknown;
  reason: unknown;
  userId: string;
  authorize: (negotiationId: number) => boolean;
}) {
  const parsed = ZStructureChange.safeParse(args.change);
  const reason = ZReason.safeParse(args.reason);
  if (!parsed.success || !reason.success)
    throw new CellValidationError([
      ...(parsed.success ? [] : problemsOf(parsed.error)),
      ...(reason.success ? [] : problemsOf(reason.error).map((p) => ({ ...p, path: "reason" }))),
    ]);
  const db = getDatabase();
  return db
    .transaction(() => {
      const negotiationId = db.prepare(`SELECT "id" FROM "Negotiation" WHERE "slug" = ?`).pluck().get(args.slug) as number | undefined;
      if (negotiationId === undefined) throw new StructureError(`There is no negotiation called “${args.slug}”.`);
      if (!args.authorize(negotiationId)) throw new StructureError(`You have no rights to edit “${args.slug}”.`);
      const { target, detail } = apply(db, negotiationId, parsed.data);
      audit(db, { negotiationId, userId: args.userId, reason: reason.data, action: parsed.data.action, target, detail });
      return { action: parsed.data.action, target };
    })
    .immediate();
}

/** A new negotiation with an empty matrix (no issues or parties yet); administrators only, checked by the caller. */
export function createNegotiation(args: { fields: unknown; userId: string }): { slug: string } {
  const parsed = ZNewNegotiation.safeParse(args.fields);
  if (!parsed.success) throw new CellValidationError(problemsOf(parsed.error));
  const n = parsed.data;
  const db = getDatabase();
  return db
    .transaction(() => {
      if (db.prepare(`SELECT 1 FROM "Negotiation" WHERE "slug" = ?`).get(n.slug))
        throw new StructureError(`A negotiation called “${n.slug}” already exists.`);
      const id = Number(
        db
          .prepare(`INSERT INTO "Negotiation" ("slug", "title", "summary", "asOf", "scaleNote") VALUES (?, ?, ?, ?, ?)`)
          .run(n.slug, n.title, n.summary, new Date().toISOString().slice(0, 10), n.scaleNote).lastInsertRowid,
      );
      audit(db, {
        negotiationId: id,
        userId: args.userId,
        reason: "New negotiation",
        action: "negotiation.create",
        target: n.slug,
        detail: { after: n },
      });
      return { slug: n.slug };
    })
    .immediate();
}

export type TAuditEntry = {
  id: number;
  at: string;
  author: string | null;
  reason: string;
  action: string;
  target: string;
  detail: { before?: Record<string, unknown>; after?: Record<string, unknown> };
};

/** The newest structure changes of a negotiation, for its log. */
export function listAuditEntries(negotiationId: number, limit = 100): TAuditEntry[] {
  return (
    getDatabase()
      .prepare(
        `SELECT a."id", a."at", u."name" AS "author", a."reason", a."action", a."target", a."detail" FROM "AuditEntry" a LEFT JOIN "User" u ON u."id" = a."userId"
         WHERE a."negotiationId" = ? ORDER BY a."id" DESC LIMIT ?`,
      )
      .all(negotiationId, limit) as (Omit<TAuditEntry, "detail"> & { detail: string })[]
  ).map((row) => ({ ...row, detail: JSON.parse(row.detail) as TAuditEntry["detail"] }));
}

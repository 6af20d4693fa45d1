import "server-only";
import type Database from "better-sqlite3";
import { z } from "zod";
import { parseValidity } from "../domain";
import { getDatabase } from "../db";
import { ZPositionInput, ZText, type TPositionInput, type TValidationProblem } from "../negotiation-input";
import { readCellState, SOURCE_FIELDS, toStoredSource, type TCellAddress, type TCellState, type TSourceRow } from "./cell-state";
import { DATA_VERSION_SQL, prepareSourceInsert, toPositionSearchText } from "./write-negotiation";

// Editing one cell: every save is a new version, written with its author, time and reason in one
// transaction, and only when the cell's latest version is still the one the editor started from.

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "not a calendar day");

/**
 * An edit of a cell, as the editor's form and the write API send it: the position's fields (checked
 * by the import's own schema, `ZPositionInput`), its sources as stored ids or new sources, the day
 * the position holds from, and the reason for the change.
 */
export const ZCellEdit = z.object({
  label: z.unknown(),
  summary: z.unknown(),
  score: z.unknown(),
  status: z.unknown(),
  confidence: z.unknown(),
  quote: z.unknown().optional(),
  notes: z.unknown().optional(),
  sources: z.array(z.unknown()).max(50, "at most 50 sources"),
  validFrom: ZDay.optional(),
  /** The date as written (a day, a month, "c. ", a range), as the CSV export and the dossier format carry it; wins over `validFrom`. */
  asOf: z.string().max(60).optional(),
  reason: ZText(500),
});
export type TCellEdit = z.input<typeof ZCellEdit>;

/** An edit that failed validation, with every problem (path and message). */
export class CellValidationError extends Error {
  constructor(readonly problems: TValidationProblem[]) {
    super(`The change is invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  }
}

/** A save that started from a version that is no longer the cell's latest. */
export class StaleVersionError extends Error {
  constructor(readonly current: TCellState) {
    super("The cell has changed since this edit began.");
  }
}

const pathOf = (path: readonly PropertyKey[]) =>
  path.map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`)).join("") || "(body)";

/** Validates an edit against the cell: every problem at once, or the version to write. */
export function validateEdit(
  db: Database.Database,
  state: TCellState,
  raw: unknown,
  today: string,
): { version: TPositionInput; reason: string; sourceIds: (number | null)[] } {
  const problems: TValidationProblem[] = [];
  const edit = ZCellEdit.safeParse(raw);
  if (!edit.success) throw new CellValidationError(edit.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })));
  const { reason, validFrom = today, asOf = validFrom, sources, ...fields } = edit.data;
  if (/^(c\. )?\d{4}-\d{2}/.test(asOf) && parseValidity(asOf).validFrom > today)
    problems.push({ path: edit.data.asOf ? "asOf" : "validFrom", message: "a version cannot hold from a day after today" });
  const byId = db.prepare(`SELECT ${SOURCE_FIELDS} FROM "Source" s WHERE s."id" = ? AND s."negotiationId" = ?`);
  const sourceIds: (number | null)[] = [];
  const resolved = sources.map((source, index) => {
    const id = (source as { id?: unknown } | null)?.id;
    if (id === undefined) {
      sourceIds.push(null);
      return source;
    }
    const row = Number.isInteger(id) ? (byId.get(id, state.negotiation.id) as TSourceRow | undefined) : undefined;
    if (!row) problems.push({ path: `sources[${index}].id`, message: "no source of this negotiation has this id" });
    sourceIds.push(row ? row.id : null);
    return row ? (({ id: _, ...rest }) => rest)(toStoredSource(row)) : { title: "?", publisher: "?", url: null, publishedAt: null };
  });
  const parsed = ZPositionInput.safeParse({
    ...fields,
    issue: state.issue.slug,
    party: state.party.slug,
    asOf,
    sources: resolved,
  });
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })));
  if (problems.length > 0 || !parsed.success) throw new CellValidationError(problems);
  return { version: parsed.data, reason, sourceIds };
}

/**
 * Saves an edit as the cell's new version, in one immediate transaction: refuses it when the cell's
 * latest version is not `baseVersionId` (nothing is written), validates it, writes any new source
 * and the version with its author and reason, makes the cell's current content its latest valid
 * version, and moves the negotiation's data version on.
 */
export function recordCellEdit(args: {
  address: TCellAddress;
  baseVersionId: number;
  authorId: string;
  edit: unknown;
  /** Whether the author may edit the negotiation with this id, checked inside the transaction. */
  authorize: (negotiationId: number) => boolean;
  now?: Date;
}): { state: TCellState; versionId: number } {
  const db = getDatabase();
  const now = args.now ?? new Date();
  return db
    .transaction(() => {
      const state = readCellState(db, args.address);
      if (!state) throw new CellNotFoundError();
      if (!args.authorize(state.negotiation.id)) throw new NotAllowedError(state.negotiation.slug);
      if ((state.head?.id ?? 0) !== args.baseVersionId) throw new StaleVersionError(state);
      const { version, reason, sourceIds } = validateEdit(db, state, args.edit, now.toISOString().slice(0, 10));
      const versionId = writeVersion(db, state, version, sourceIds, { authorId: args.authorId, reason, recordedAt: now.toISOString() });
      touchNegotiation(db, state.negotiation.id, lastDay(version.asOf!));
      return { state: readCellState(db, args.address)!, versionId };
    })
    .immediate();
}

/** An author without rights on the negotiation. */
export class NotAllowedError extends Error {
  constructor(slug: string) {
    super(`You have no rights to edit “${slug}”.`);
  }
}

export class CellNotFoundError extends Error {
  constructor() {
    super("There is no such cell.");
  }
}

/**
 * Writes one validated version of a cell (inside the caller's transaction) and makes the cell's
 * current content its latest valid version. The caller then calls `touchNegotiation` once.
 */
export function writeVersion(
  db: Database.Database,
  state: TCellState,
  version: TPositionInput,
  sourceIds: readonly (number | null)[],
  meta: { authorId: string | null; reason: string; recordedAt: string },
): number {
  const validity = parseValidity(version.asOf!);
  const searchText = toPositionSearchText(version);
  // A cell's first version also makes its "Position" row, filled in from the version below.
  const positionId =
    state.positionId ??
    Number(
      db
        .prepare(
          `INSERT INTO "Position" ("issueId", "partyId", "label", "summary", "score", "status", "confidence", "asOf", "quote", "notes", "searchText")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          state.issue.id,
          state.party.id,
          version.label,
          version.summary,
          version.score,
          version.status,
          version.confidence,
          version.asOf,
          version.quote,
          version.notes,
          searchText,
        ).lastInsertRowid,
    );
  const versionId = Number(
    db
      .prepare(
        `INSERT INTO "PositionVersion" ("positionId", "issueId", "partyId", "label", "summary", "score", "status", "confidence", "asOf",
           "validFrom", "validTo", "isApproximate", "quote", "notes", "searchText", "recordedAt", "authorId", "reason")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        positionId,
        state.issue.id,
        state.party.id,
        version.label,
        version.summary,
        version.score,
        version.status,
        version.confidence,
        version.asOf,
        validity.validFrom,
        validity.validTo,
        validity.isApproximate ? 1 : 0,
        version.quote,
        version.notes,
        searchText,
        meta.recordedAt,
        meta.authorId,
        meta.reason,
      ).lastInsertRowid,
  );
  const insertSource = prepareSourceInsert(db);
  const cite = db.prepare(`INSERT OR IGNORE INTO "PositionVersionSource" ("versionId", "sourceId", "sortOrder") VALUES (?, ?, ?)`);
  for (const [order, s] of version.sources.entries()) {
    const sourceId = sourceIds[order] ?? insertSource(state.negotiation.id, s);
    cite.run(versionId, sourceId, order);
  }
  refreshCurrent(db, positionId);
  return versionId;
}

/** After versions were written (in the caller's transaction): the negotiation's data version moves on, and its as-of date reaches `day`. */
export function touchNegotiation(db: Database.Database, negotiationId: number, day: string): void {
  db.prepare(DATA_VERSION_SQL).run(negotiationId);
  db.prepare(`UPDATE "Negotiation" SET "asOf" = MAX("asOf", ?) WHERE "id" = ?`).run(day, negotiationId);
}

/** The last day a date text names (a range's end), for the negotiation's as-of date. */
export function lastDay(asOf: string): string {
  const { validFrom, validTo } = parseValidity(asOf);
  return validTo ?? validFrom;
}

/** Makes a cell's "Position" row its latest valid version: the latest by validity, not retracting and not retracted. */
function refreshCurrent(db: Database.Database, positionId: number): void {
  const currentId = db
    .prepare(
      `SELECT v."id" FROM "PositionVersion" v WHERE v."positionId" = ? AND v."retractsId" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "PositionVersion" r WHERE r."retractsId" = v."id")
       ORDER BY v."validFrom" DESC, v."id" DESC LIMIT 1`,
    )
    .pluck()
    .get(positionId) as number;
  db.prepare(
    `UPDATE "Position" SET ("label", "summary", "score", "status", "confidence", "asOf", "quote", "notes", "searchText", "versionId") =
       (SELECT "label", "summary", "score", "status", "confidence", "asOf", "quote", "notes", "searchText", "id" FROM "PositionVersion" WHERE "id" = ?)
     WHERE "id" = ?`,
  ).run(currentId, positionId);
  db.prepare(`DELETE FROM "PositionSource" WHERE "positionId" = ?`).run(positionId);
  db.prepare(
    `INSERT INTO "PositionSource" ("positionId", "sourceId", "sortOrder") SELECT ?, "sourceId", "sortOrder" FROM "PositionVersionSource" WHERE "versionId" = ?`,
  ).run(positionId, currentId);
}

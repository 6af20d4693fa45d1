import "server-only";
import type Database from "better-sqlite3";
import { z } from "zod";
import { parseValidity, type TConfidence, type TSource, type TStatus } from "../domain";
import { getDatabase } from "../db";
import { ZPositionInput, ZText, type TPositionInput, type TValidationProblem } from "../negotiation-input";
import { DATA_VERSION_SQL, prepareSourceInsert, toPositionSearchText } from "./write-negotiation";

// Editing one cell: every save is a new version, written with its author, time and reason in one
// transaction, and only when the cell's latest version is still the one the editor started from.

export type TCellAddress = { slug: string; issue: string; party: string };

/** A stored source as an editor picks it: its id and its fields. */
export type TStoredSource = TSource & { id: number };

/** A cell's current content and the version a save must start from. */
export type TCellState = {
  negotiation: { id: number; slug: string; title: string };
  issue: { id: number; slug: string; name: string; lowLabel: string; highLabel: string };
  party: { id: number; slug: string; name: string; date: string };
  /** Null for a cell with no version yet (an issue or party added since the import). */
  positionId: number | null;
  /** The cell's latest recorded version: an edit must name it (the ETag of the write API; 0 for none). */
  head: { id: number; author: string | null; recordedAt: string; reason: string | null } | null;
  current: {
    label: string;
    summary: string;
    score: number | null;
    status: TStatus;
    confidence: TConfidence;
    asOf: string;
    quote: string | null;
    notes: string | null;
    sources: TStoredSource[];
  } | null;
};

/** One row of the cell's state query: negotiation, issue, party, current content and latest version. */
type TStateRow = Omit<NonNullable<TCellState["current"]>, "sources"> &
  Record<"nId" | "iId" | "paId", number> &
  Record<"positionId" | "headId", number | null> &
  Record<"nSlug" | "nTitle" | "iSlug" | "iName" | "lowLabel" | "highLabel" | "paSlug" | "paName" | "paDate", string> &
  Record<"headRecordedAt" | "headReason" | "headAuthor", string | null>;

type TSourceRow = Omit<TStoredSource, "isDateApproximate" | "flags"> & { isDateApproximate: number; flags: string };
const toStoredSource = ({ isDateApproximate, flags, ...row }: TSourceRow): TStoredSource => ({
  ...row,
  isDateApproximate: isDateApproximate === 1,
  flags: JSON.parse(flags) as string[],
});
const SOURCE_FIELDS = `s."id", s."title", s."publisher", s."url", s."publishedAt", s."isDateApproximate", s."note", s."kind", s."relays", s."flags"`;

/** A cell's state in the reader's transaction; null when the negotiation, issue or party does not exist. */
export function readCellState(db: Database.Database, address: TCellAddress): TCellState | null {
  const row = db
    .prepare(
      `SELECT n."id" AS nId, n."slug" AS nSlug, n."title" AS nTitle, i."id" AS iId, i."slug" AS iSlug, i."name" AS iName,
         i."lowLabel", i."highLabel", pa."id" AS paId, pa."slug" AS paSlug, pa."name" AS paName, pa."date" AS paDate,
         p."id" AS positionId, p."label", p."summary", p."score", p."status", p."confidence", p."asOf", p."quote", p."notes",
         h."id" AS headId, h."recordedAt" AS headRecordedAt, h."reason" AS headReason, u."name" AS headAuthor
       FROM "Negotiation" n JOIN "Issue" i ON i."negotiationId" = n."id" AND i."slug" = ?
       JOIN "Party" pa ON pa."negotiationId" = n."id" AND pa."slug" = ?
       LEFT JOIN "Position" p ON p."issueId" = i."id" AND p."partyId" = pa."id"
       LEFT JOIN "PositionVersion" h ON h."id" = (SELECT MAX(v."id") FROM "PositionVersion" v WHERE v."positionId" = p."id")
       LEFT JOIN "User" u ON u."id" = h."authorId"
       WHERE n."slug" = ?`,
    )
    .get(address.issue, address.party, address.slug) as TStateRow | undefined;
  if (!row) return null;
  const sources = (
    db
      .prepare(
        `SELECT ${SOURCE_FIELDS} FROM "PositionSource" ps JOIN "Source" s ON s."id" = ps."sourceId" WHERE ps."positionId" = ? ORDER BY ps."sortOrder"`,
      )
      .all(row.positionId) as TSourceRow[]
  ).map(toStoredSource);
  const r = row;
  return {
    negotiation: { id: r.nId, slug: r.nSlug, title: r.nTitle },
    issue: { id: r.iId, slug: r.iSlug, name: r.iName, lowLabel: r.lowLabel, highLabel: r.highLabel },
    party: { id: r.paId, slug: r.paSlug, name: r.paName, date: r.paDate },
    positionId: r.positionId,
    head: r.headId === null ? null : { id: r.headId, author: r.headAuthor, recordedAt: r.headRecordedAt!, reason: r.headReason },
    current:
      r.positionId === null
        ? null
        : {
            label: r.label,
            summary: r.summary,
            score: r.score,
            status: r.status,
            confidence: r.confidence,
            asOf: r.asOf,
            quote: r.quote,
            notes: r.notes,
            sources,
          },
  };
}

/** A cell's state now (one read transaction). */
export function getCellState(address: TCellAddress): TCellState | null {
  const db = getDatabase();
  return db.transaction(() => readCellState(db, address))();
}

/** Stored sources of a negotiation for the editor's picker, in bibliography order, bounded. */
export const PICKABLE_SOURCES = 2000;
export function listSources(negotiationId: number): TStoredSource[] {
  return (
    getDatabase()
      .prepare(`SELECT ${SOURCE_FIELDS} FROM "Source" s WHERE s."negotiationId" = ? ORDER BY s."id" LIMIT ?`)
      .all(negotiationId, PICKABLE_SOURCES) as TSourceRow[]
  ).map(toStoredSource);
}

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
  const searchText = toPositionSearchText({ ...version, partyName: state.party.name });
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

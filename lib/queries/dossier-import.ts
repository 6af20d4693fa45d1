import "server-only";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { diffVersions, type TFieldChange, type TLoggedVersion } from "../changes";
import { getDatabase } from "../db";
import { currentVersion, NegotiationValidationError, parseNegotiationInput, type TPositionInput } from "../negotiation-input";
import { CellValidationError, lastDay, touchNegotiation, validateEdit, writeVersion } from "./cell-edits";
import { readCellState, type TCellState } from "./cell-state";

// Importing a file of positions into a stored negotiation, in two steps: a preview of what it would
// add and change (and every invalid row, with its line), then, when the editor confirms, every
// change written in one transaction as new versions with the import's reason, or nothing at all.
// Two formats: the long-layout CSV of the export, and a dossier JSON (the seed's format).

/** The largest file an import takes. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** Cells per import: a bounded amount of work per request. */
export const MAX_IMPORT_CELLS = 20_000;

const CSV_REQUIRED = ["issue", "party", "score", "status", "confidence", "label", "summary"] as const;

export type TImportRow = {
  /** The file's line (CSV) or the position's index (JSON, from 0). */
  where: string;
  issue: string;
  party: string;
  kind: "added" | "changed" | "unchanged";
  changes: TFieldChange[];
};
export type TImportProblem = { where: string; message: string };
export type TImportPlan = {
  format: "csv" | "json";
  rows: TImportRow[];
  problems: TImportProblem[];
  counts: { added: number; changed: number; unchanged: number };
  /** Notes on what the format cannot carry (CSV rows keep the cell's sources). */
  notes: string[];
};

/** An import to write: each row's cell, its change in the write API's shape, and where it came from. */
type TPlannedEdit = { where: string; state: TCellState; edit: Record<string, unknown> };

// The CSV export prefixes a formula-like text with an apostrophe; reading it back removes that again.
const unneutralise = (text: string) => (/^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? text.slice(1) : text);

function csvEdits(db: Database.Database, slug: string, content: string, problems: TImportProblem[]): TPlannedEdit[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    // Bounded work: rows past the limit are not even parsed (the plan then refuses the file).
    records = parse(content, {
      bom: true,
      columns: true,
      info: true,
      skip_empty_lines: true,
      trim: false,
      to: MAX_IMPORT_CELLS + 1,
    }) as typeof records;
  } catch (error) {
    problems.push({ where: "file", message: `not a readable CSV file: ${(error as Error).message.slice(0, 200)}` });
    return [];
  }
  const missing = CSV_REQUIRED.filter((column) => records.length > 0 && !(column in records[0]!.record));
  if (records.length === 0) problems.push({ where: "file", message: "the file has no rows" });
  if (missing.length > 0) {
    problems.push({
      where: "line 1",
      message: `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (the long layout of the CSV export)`,
    });
    return [];
  }
  // A row is named as a spreadsheet numbers it (the header is row 1), and by its first line in the file when a text with line breaks moved it.
  let lastLine = 1;
  return records.flatMap(({ record, info }, index) => {
    const [row, line] = [index + 2, lastLine + 1];
    lastLine = info.lines;
    const where = row === line ? `line ${line}` : `row ${row} (line ${line})`;
    const state = readCellState(db, { slug, issue: record.issue ?? "", party: record.party ?? "" });
    if (!state) {
      problems.push({ where, message: `no cell for the issue “${record.issue}” and the party “${record.party}” in this negotiation` });
      return [];
    }
    const text = (key: string) => unneutralise(record[key] ?? "");
    const optional = (key: string) => text(key) || null;
    const score = text("score").trim();
    const edit = {
      label: text("label"),
      summary: text("summary"),
      score: score === "" ? null : Number(score),
      status: text("status"),
      confidence: text("confidence"),
      quote: optional("quote"),
      notes: optional("notes"),
      ...(text("as_of") ? { asOf: text("as_of") } : {}),
      // The CSV names sources only as text: a row keeps the cell's stored sources.
      sources: (state.current?.sources ?? []).map((s) => ({ id: s.id })),
    };
    return [{ where, state, edit }];
  });
}

function jsonEdits(db: Database.Database, slug: string, content: string, problems: TImportProblem[]): TPlannedEdit[] {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (error) {
    problems.push({ where: "file", message: `not valid JSON: ${(error as Error).message.slice(0, 200)}` });
    return [];
  }
  let dossier;
  try {
    dossier = parseNegotiationInput(raw);
  } catch (error) {
    if (!(error instanceof NegotiationValidationError)) throw error;
    problems.push(...error.problems.map((p) => ({ where: p.path, message: p.message })));
    return [];
  }
  if (dossier.slug !== slug) {
    problems.push({ where: "slug", message: `the file is the dossier “${dossier.slug}”, not “${slug}”` });
    return [];
  }
  const partyDates = new Map(dossier.parties.map((p) => [p.slug, p.date]));
  const cells = new Map<string, { index: number; version: TPositionInput }[]>();
  dossier.positions.forEach((version, index) => {
    const key = `${version.issue}|${version.party}`;
    cells.set(key, [...(cells.get(key) ?? []), { index, version }]);
  });
  const sourceId = db.prepare(
    `SELECT "id" FROM "Source" WHERE "negotiationId" = ? AND "title" = ? AND "publisher" = ? AND "url" IS ? AND "publishedAt" IS ? LIMIT 1`,
  );
  return [...cells.values()].flatMap((versions) => {
    // The file's current version of each cell is compared with the stored one (its earlier versions are history already).
    const current = currentVersion(
      versions.map((v) => v.version),
      partyDates.get(versions[0]!.version.party) ?? "",
    )!;
    const where = `positions[${versions.find((v) => v.version === current)!.index}]`;
    const state = readCellState(db, { slug, issue: current.issue, party: current.party });
    if (!state) {
      problems.push({ where, message: `no cell for the issue “${current.issue}” and the party “${current.party}” in this negotiation` });
      return [];
    }
    const sources = current.sources.map((s) => {
      const id = sourceId.pluck().get(state.negotiation.id, s.title, s.publisher, s.url, s.publishedAt) as number | undefined;
      return id === undefined ? s : { id };
    });
    const { label, summary, score, status, confidence, quote, notes } = current;
    const asOf = current.asOf ?? partyDates.get(current.party)!;
    return [{ where, state, edit: { label, summary, score, status, confidence, quote, notes, asOf, sources } }];
  });
}

/** A stored cell or a validated version as the log compares them. */
function asLogged(v: {
  label: string;
  summary: string;
  score: number | null;
  status: TLoggedVersion["status"];
  confidence: string;
  asOf: string | null;
  quote: string | null;
  notes: string | null;
  sources: { title: string }[];
}): TLoggedVersion {
  return { ...v, asOf: v.asOf ?? "", sources: v.sources.map((s) => s.title) };
}

/** Reads a file against the stored negotiation (in the caller's transaction): what it would add and change, and every problem. */
function plan(db: Database.Database, slug: string, fileName: string, content: string, reason: string, today: string) {
  const problems: TImportProblem[] = [];
  const format = /\.json$/i.test(fileName) || content.trimStart().startsWith("{") ? "json" : "csv";
  const edits = format === "json" ? jsonEdits(db, slug, content, problems) : csvEdits(db, slug, content, problems);
  if (edits.length > MAX_IMPORT_CELLS)
    problems.push({ where: "file", message: `more than ${MAX_IMPORT_CELLS.toLocaleString("en")} cells; split the file` });
  const seen = new Map<string, string>();
  const rows: TImportRow[] = [];
  const writes: { state: TCellState; version: TPositionInput; sourceIds: (number | null)[] }[] = [];
  for (const { where, state, edit } of edits.slice(0, MAX_IMPORT_CELLS)) {
    const key = `${state.issue.slug}|${state.party.slug}`;
    if (seen.has(key)) {
      problems.push({ where, message: `the cell ${state.issue.slug} × ${state.party.slug} is also at ${seen.get(key)}` });
      continue;
    }
    seen.set(key, where);
    try {
      const { version, sourceIds } = validateEdit(db, state, { ...edit, reason }, today);
      const changes = diffVersions(state.current && asLogged(state.current), asLogged(version));
      const kind = state.current === null ? "added" : changes.length > 0 ? "changed" : "unchanged";
      rows.push({ where, issue: state.issue.slug, party: state.party.slug, kind, changes });
      if (kind !== "unchanged") writes.push({ state, version, sourceIds });
    } catch (error) {
      if (!(error instanceof CellValidationError)) throw error;
      problems.push(
        ...error.problems.map((p) => ({
          where: `${where} (${state.issue.slug} × ${state.party.slug})`,
          message: `${p.path}: ${p.message}`,
        })),
      );
    }
  }
  const count = (kind: TImportRow["kind"]) => rows.filter((r) => r.kind === kind).length;
  const notes = format === "csv" ? ["A CSV row names its sources only as text, so each cell keeps its stored sources."] : [];
  const result: TImportPlan = {
    format,
    rows,
    problems,
    counts: { added: count("added"), changed: count("changed"), unchanged: count("unchanged") },
    notes,
  };
  return { plan: result, writes };
}

export type TImportDraft = { id: string; fileName: string; reason: string; createdAt: string; negotiationId: number; userId: string };

/**
 * Keeps an uploaded file until its editor confirms or drops it (a day at most), with its preview
 * computed once, now, against the data as it is (recomputed only when the data has changed since).
 */
export function saveImportDraft(args: {
  userId: string;
  negotiationId: number;
  fileName: string;
  content: string;
  reason: string;
}): string {
  const db = getDatabase();
  const id = randomUUID();
  const now = new Date();
  db.transaction(() => {
    db.prepare(`DELETE FROM "ImportDraft" WHERE "createdAt" < ?`).run(new Date(now.getTime() - 86_400_000).toISOString());
    db.prepare(
      `INSERT INTO "ImportDraft" ("id", "userId", "negotiationId", "fileName", "content", "reason", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, args.userId, args.negotiationId, args.fileName, args.content, args.reason, now.toISOString());
    storePlan(db, readDraft(db, id, args.userId)!, now.toISOString().slice(0, 10));
  })();
  return id;
}

type TDraftRow = TImportDraft & { content: string; slug: string; dataVersion: string; plan: string | null; planDataVersion: string | null };

function readDraft(db: Database.Database, draftId: string, userId: string): TDraftRow | undefined {
  return db
    .prepare(
      `SELECT d."id", d."fileName", d."reason", d."createdAt", d."negotiationId", d."userId", d."content", d."plan", d."planDataVersion",
         n."slug", n."dataVersion"
       FROM "ImportDraft" d JOIN "Negotiation" n ON n."id" = d."negotiationId" WHERE d."id" = ? AND d."userId" = ?`,
    )
    .get(draftId, userId) as TDraftRow | undefined;
}

/** Computes a draft's preview against the data now and keeps it with the data version it was computed on. */
function storePlan(db: Database.Database, draft: TDraftRow, today: string): TImportPlan {
  const computed = plan(db, draft.slug, draft.fileName, draft.content, draft.reason, today).plan;
  db.prepare(`UPDATE "ImportDraft" SET "plan" = ?, "planDataVersion" = ? WHERE "id" = ?`).run(
    JSON.stringify(computed),
    draft.dataVersion,
    draft.id,
  );
  return computed;
}

/**
 * The preview of one of the user's drafts and the data version it was computed on: the stored one
 * while the data is unchanged, so looking at a preview again costs one read, not a new plan.
 */
export function previewImport(draftId: string, userId: string, today = new Date().toISOString().slice(0, 10)) {
  const db = getDatabase();
  return db
    .transaction(() => {
      const draft = readDraft(db, draftId, userId);
      if (!draft) return null;
      const stored = draft.plan !== null && draft.planDataVersion === draft.dataVersion ? (JSON.parse(draft.plan) as TImportPlan) : null;
      const { content: _, plan: _plan, planDataVersion: _version, ...info } = draft;
      return { draft: info, plan: stored ?? storePlan(db, draft, today) };
    })
    .immediate();
}

/** The data changed after the preview was shown: the editor must look at a new one. */
export class StalePreviewError extends Error {
  constructor() {
    super("The negotiation changed after this preview was made: look at the new preview, then confirm again.");
  }
}

/**
 * Writes a previewed import: in one immediate transaction, only if the negotiation's data version is
 * still the one the preview was computed on and the file has no problem; every added and changed
 * cell becomes a new version carrying the import's reason and its author. All or nothing.
 */
export function confirmImport(args: {
  draftId: string;
  userId: string;
  previewedDataVersion: string;
  authorize: (negotiationId: number) => boolean;
  now?: Date;
}): { added: number; changed: number } | null {
  const db = getDatabase();
  const now = args.now ?? new Date();
  return db
    .transaction(() => {
      const draft = readDraft(db, args.draftId, args.userId);
      if (!draft || !args.authorize(draft.negotiationId)) return null;
      if (draft.dataVersion !== args.previewedDataVersion) throw new StalePreviewError();
      const { plan: result, writes } = plan(db, draft.slug, draft.fileName, draft.content, draft.reason, now.toISOString().slice(0, 10));
      if (result.problems.length > 0) throw new CellValidationError(result.problems.map((p) => ({ path: p.where, message: p.message })));
      for (const { state, version, sourceIds } of writes)
        writeVersion(db, state, version, sourceIds, { authorId: args.userId, reason: draft.reason, recordedAt: now.toISOString() });
      if (writes.length > 0)
        touchNegotiation(
          db,
          draft.negotiationId,
          writes.map((w) => lastDay(w.version.asOf!)).reduce((a, b) => (a > b ? a : b)),
        );
      db.prepare(`DELETE FROM "ImportDraft" WHERE "id" = ?`).run(draft.id);
      return { added: result.counts.added, changed: result.counts.changed };
    })
    .immediate();
}

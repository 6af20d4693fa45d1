import "server-only";
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { diffVersions, type TFieldChange, type TLoggedVersion } from "../analysis/changes";
import type { TDb } from "../db/connection";
import { lockNegotiation } from "../db/dialect";
import { readSnapshot, writeTransaction } from "../db/transactions";
import { AppError, isAppError } from "../domain/errors";
import { currentVersion } from "../cells/current";
import type { TCellVersionInput } from "../cells/schema";
import type { TReading } from "../cells/cell";
import { describeReadings } from "../cells/readings";
import { toCellWrite, validateEdit, type TAuthor } from "../cells/edit";
import { appendVersions } from "../cells/write";
import { readCellState, type TCellState } from "../cells/state";
import { parseNegotiationInput } from "./dossier-schema";

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

/** An import row before it is checked: its place in the file, its cell, and its change in the write API's shape. */
type TPlannedEdit = {
  where: string;
  address: { issue: string; party: string };
  edit: (state: TCellState) => Record<string, unknown> & { readings?: { sources: unknown }[] };
};

// The CSV export prefixes a formula-like text with an apostrophe; reading it back removes that again.
const unneutralise = (text: string) => (/^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? text.slice(1) : text);

function csvEdits(content: string, problems: TImportProblem[]): TPlannedEdit[] {
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
  return records.map(({ record, info }, index) => {
    const [row, line] = [index + 2, lastLine + 1];
    lastLine = info.lines;
    const text = (key: string) => unneutralise(record[key] ?? "");
    const optional = (key: string) => text(key) || null;
    const score = text("score").trim();
    return {
      where: row === line ? `line ${line}` : `row ${row} (line ${line})`,
      address: { issue: record.issue ?? "", party: record.party ?? "" },
      edit: (state) => ({
        label: text("label"),
        summary: text("summary"),
        score: score === "" ? null : Number(score),
        status: text("status"),
        confidence: text("confidence"),
        quote: optional("quote"),
        notes: optional("notes"),
        ...(text("as_of") ? { asOf: text("as_of") } : {}),
        // The CSV names sources only as text, and has no readings: a row keeps the cell's stored sources and readings.
        sources: (state.current?.sources ?? []).map((s) => ({ id: s.id })),
        readings: (state.current?.readings ?? []).map((r) => ({ ...r, sources: r.sources.map((s) => ({ id: s.id })) })),
        preferredReason: state.current?.preferredReason ?? null,
      }),
    };
  });
}

function jsonEdits(slug: string, content: string, problems: TImportProblem[]): TPlannedEdit[] {
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
    if (!isAppError(error, "invalid")) throw error;
    problems.push(...error.problems.map((p) => ({ where: p.path, message: p.message })));
    return [];
  }
  if (dossier.slug !== slug) {
    problems.push({ where: "slug", message: `the file is the dossier “${dossier.slug}”, not “${slug}”` });
    return [];
  }
  const partyDates = new Map(dossier.parties.map((p) => [p.slug, p.date]));
  const cells = new Map<string, { index: number; version: TCellVersionInput }[]>();
  dossier.positions.forEach((version, index) => {
    const key = `${version.issue}|${version.party}`;
    cells.set(key, [...(cells.get(key) ?? []), { index, version }]);
  });
  return [...cells.values()].map((versions) => {
    // The file's current version of each cell is compared with the stored one (its earlier versions are history already).
    const current = currentVersion(
      versions.map((v) => v.version),
      partyDates.get(versions[0]!.version.party) ?? "",
    )!;
    const { label, summary, score, status, confidence, quote, notes, readings, preferredReason } = current;
    const asOf = current.asOf ?? partyDates.get(current.party)!;
    return {
      where: `positions[${versions.find((v) => v.version === current)!.index}]`,
      address: { issue: current.issue, party: current.party },
      edit: () => ({ label, summary, score, status, confidence, quote, notes, asOf, sources: current.sources, readings, preferredReason }),
    };
  });
}

/** A file's source that is stored already (same title, publisher, URL and date) is cited by its id. */
async function citeStored(db: TDb, negotiationId: number, sources: unknown): Promise<unknown> {
  if (!Array.isArray(sources)) return sources;
  return Promise.all(
    sources.map(async (s: { id?: number; title: string; publisher: string; url: string | null; publishedAt: string | null }) => {
      if (s.id !== undefined) return s;
      const stored = await db
        .selectFrom("Source")
        .select("id")
        .where("negotiationId", "=", negotiationId)
        .where("title", "=", s.title)
        .where("publisher", "=", s.publisher)
        .where("url", "is not distinct from", s.url)
        .where("publishedAt", "is not distinct from", s.publishedAt)
        .limit(1)
        .executeTakeFirst();
      return stored ? { id: stored.id } : s;
    }),
  );
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
  readings: TReading[];
  preferredReason: string | null;
}): TLoggedVersion {
  const { label, summary, score, status, confidence, quote, notes } = v;
  return {
    ...{ label, summary, score, status, confidence, quote, notes },
    asOf: v.asOf ?? "",
    sources: v.sources.map((s) => s.title),
    readings: describeReadings(v),
  };
}

type TPlannedWrite = {
  state: TCellState;
  version: TCellVersionInput & { asOf: string };
  sourceIds: (number | null)[];
  readingSourceIds: (number | null)[][];
};

/** Reads a file against the stored negotiation (in the caller's transaction): what it would add and change, and every problem. */
async function plan(db: TDb, slug: string, fileName: string, content: string, reason: string, today: string) {
  const problems: TImportProblem[] = [];
  const format = /\.json$/i.test(fileName) || content.trimStart().startsWith("{") ? "json" : "csv";
  const edits = format === "json" ? jsonEdits(slug, content, problems) : csvEdits(content, problems);
  if (edits.length > MAX_IMPORT_CELLS)
    problems.push({ where: "file", message: `more than ${MAX_IMPORT_CELLS.toLocaleString("en")} cells; split the file` });
  const seen = new Map<string, string>();
  const rows: TImportRow[] = [];
  const writes: TPlannedWrite[] = [];
  for (const { where, address, edit } of edits.slice(0, MAX_IMPORT_CELLS)) {
    const state = await readCellState(db, { slug, ...address });
    if (!state) {
      problems.push({ where, message: `no cell for the issue “${address.issue}” and the party “${address.party}” in this negotiation` });
      continue;
    }
    const key = `${state.issue.slug}|${state.party.slug}`;
    if (seen.has(key)) {
      problems.push({ where, message: `the cell ${state.issue.slug} × ${state.party.slug} is also at ${seen.get(key)}` });
      continue;
    }
    seen.set(key, where);
    try {
      const fields = edit(state);
      const sources = await citeStored(db, state.negotiation.id, fields.sources);
      const readings = await Promise.all(
        (fields.readings ?? []).map(async (r) => ({ ...r, sources: await citeStored(db, state.negotiation.id, r.sources) })),
      );
      const { version, sourceIds, readingSourceIds } = await validateEdit(db, state, { ...fields, sources, readings, reason }, today);
      const changes = diffVersions(state.current && asLogged(state.current), asLogged(version));
      const kind = state.current === null ? "added" : changes.length > 0 ? "changed" : "unchanged";
      rows.push({ where, issue: state.issue.slug, party: state.party.slug, kind, changes });
      if (kind !== "unchanged") writes.push({ state, version, sourceIds, readingSourceIds });
    } catch (error) {
      if (!isAppError(error, "invalid")) throw error;
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
export async function saveImportDraft(args: {
  userId: string;
  negotiationId: number;
  fileName: string;
  content: string;
  reason: string;
}): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await writeTransaction(async (db) => {
    await db
      .deleteFrom("ImportDraft")
      .where("createdAt", "<", new Date(now.getTime() - 86_400_000).toISOString())
      .execute();
    await db
      .insertInto("ImportDraft")
      .values({ id, ...args, createdAt: now.toISOString() })
      .execute();
    await storePlan(db, (await readDraft(db, id, args.userId))!, now.toISOString().slice(0, 10));
  });
  return id;
}

function readDraft(db: TDb, draftId: string, userId: string) {
  return db
    .selectFrom("ImportDraft as d")
    .innerJoin("Negotiation as n", "n.id", "d.negotiationId")
    .select([
      "d.id",
      "d.fileName",
      "d.reason",
      "d.createdAt",
      "d.negotiationId",
      "d.userId",
      "d.content",
      "d.plan",
      "d.planDataVersion",
      "n.slug",
      "n.dataVersion",
    ])
    .where("d.id", "=", draftId)
    .where("d.userId", "=", userId)
    .executeTakeFirst();
}
type TDraftRow = NonNullable<Awaited<ReturnType<typeof readDraft>>>;

/** Computes a draft's preview against the data now and keeps it with the data version it was computed on. */
async function storePlan(db: TDb, draft: TDraftRow, today: string): Promise<TImportPlan> {
  const computed = (await plan(db, draft.slug, draft.fileName, draft.content, draft.reason, today)).plan;
  await db
    .updateTable("ImportDraft")
    .set({ plan: JSON.stringify(computed), planDataVersion: draft.dataVersion })
    .where("id", "=", draft.id)
    .execute();
  return computed;
}

/**
 * The preview of one of the user's drafts and the data version it was computed on: the stored one
 * while the data is unchanged, so looking at a preview again costs one read, not a new plan.
 */
export async function previewImport(draftId: string, userId: string, today = new Date().toISOString().slice(0, 10)) {
  const preview = (draft: TDraftRow, plan: TImportPlan) => {
    const { content: _, plan: _plan, planDataVersion: _version, ...info } = draft;
    return { draft: info, plan };
  };
  const stored = await readSnapshot(async (db) => {
    const draft = await readDraft(db, draftId, userId);
    if (!draft) return null;
    return draft.plan !== null && draft.planDataVersion === draft.dataVersion
      ? preview(draft, JSON.parse(draft.plan) as TImportPlan)
      : draft;
  });
  if (stored === null || "draft" in stored) return stored;
  // The data changed since the preview was computed: compute it again, under the write lock, and keep it.
  return writeTransaction(async (db) => {
    const draft = await readDraft(db, draftId, userId);
    return draft ? preview(draft, await storePlan(db, draft, today)) : null;
  });
}

/**
 * Writes a previewed import: in one write transaction, only if the negotiation's data version is
 * still the one the preview was computed on (else `stale`) and the file has no problem (else
 * `invalid`); every added and changed cell becomes a new version carrying the import's reason and
 * its author. All or nothing. Null for a draft that is not the user's; `unauthenticated` or
 * `forbidden` from the permission check.
 */
export async function confirmImport(args: {
  draftId: string;
  author: TAuthor;
  previewedDataVersion: string;
  now?: Date;
}): Promise<{ added: number; changed: number } | null> {
  const now = args.now ?? new Date();
  return writeTransaction(async (db) => {
    const found = await readDraft(db, args.draftId, args.author.id);
    if (!found) return null;
    // Other writers of the negotiation wait from here; the draft is read again to see the latest data version.
    await lockNegotiation(db, { id: found.negotiationId });
    const draft = await readDraft(db, args.draftId, args.author.id);
    if (!draft) return null;
    await args.author.assertMayEdit(db, draft.negotiationId);
    if (draft.dataVersion !== args.previewedDataVersion)
      throw new AppError("stale", "The negotiation changed after this preview was made: look at the new preview, then confirm again.");
    const { plan: result, writes } = await plan(
      db,
      draft.slug,
      draft.fileName,
      draft.content,
      draft.reason,
      now.toISOString().slice(0, 10),
    );
    if (result.problems.length > 0)
      throw new AppError(
        "invalid",
        "The file has problems; nothing was imported.",
        result.problems.map((p) => ({ path: p.where, message: p.message })),
      );
    if (writes.length > 0)
      await appendVersions(
        db,
        draft.negotiationId,
        writes.map(({ state, ...valid }) => toCellWrite(state, { ...valid, reason: draft.reason }, args.author.id, now)),
      );
    await db.deleteFrom("ImportDraft").where("id", "=", draft.id).execute();
    return { added: result.counts.added, changed: result.counts.changed };
  });
}

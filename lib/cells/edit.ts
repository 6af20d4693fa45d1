import "server-only";
import { z } from "zod";
import { parseValidity } from "../domain/dates";
import { AppError, invalid, pathText, type TProblem } from "../domain/errors";
import type { TDb } from "../db/connection";
import { writeTransaction } from "../db/transactions";
import type { TCellAddress } from "./cell";
import { ZText } from "./fields";
import { ZCellVersionInput, type TCellVersionInput } from "./schema";
import { findStoredSource, readCellState, type TCellState } from "./state";
import { appendVersions, type TCellWrite } from "./write";

// Editing one cell: every save is a new version, written with its author, time and reason in one
// transaction, and only when the cell's latest version is still the one the editor started from.

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "not a calendar day");

/**
 * An edit of a cell, as the editor's form, the write API and imports send it: the position's
 * fields (checked by the cell's own schema), its sources as stored ids or new sources, the day the
 * position holds from, and the reason for the change.
 */
export const ZCellEdit = z.object({
  label: z.unknown(),
  summary: z.unknown(),
  score: z.unknown(),
  status: z.unknown(),
  confidence: z.unknown(),
  quote: z.unknown().optional(),
  notes: z.unknown().optional(),
  /** Why the confidence differs from the rule's; the evidence (independent originals, agreement) the rule reads, if assessed. */
  confidenceReason: z.unknown().optional(),
  evidence: z.unknown().optional(),
  sources: z.array(z.unknown()).max(50, "at most 50 sources"),
  /** The competing readings (each source a stored id or a new source, as for `sources`), and why the version's own is preferred. */
  readings: z
    .array(z.looseObject({ sources: z.array(z.unknown()).max(20, "at most 20 sources") }))
    .max(10, "at most 10 competing readings")
    .optional(),
  preferredReason: z.unknown().optional(),
  validFrom: ZDay.optional(),
  /** The date as written (a day, a month, "c. ", a range), as the CSV export and the dossier format carry it; wins over `validFrom`. */
  asOf: z.string().max(60).optional(),
  reason: ZText(500),
});
export type TCellEdit = z.input<typeof ZCellEdit>;

/** A validated edit: the version to write, why, and the stored ids of the sources it keeps (its own, and each reading's). */
export type TValidEdit = {
  version: TCellVersionInput & { asOf: string };
  reason: string;
  sourceIds: (number | null)[];
  readingSourceIds: (number | null)[][];
};

/**
 * Sources as an edit sends them, each a stored source (`{ id }`, which must be the negotiation's)
 * or a new one: the sources to validate, and the stored id of each (null: new).
 */
async function resolveSources(db: TDb, state: TCellState, sources: readonly unknown[], path: string, problems: TProblem[]) {
  const ids: (number | null)[] = [];
  const resolved: unknown[] = [];
  for (const [index, source] of sources.entries()) {
    const id = (source as { id?: unknown } | null)?.id;
    if (id === undefined) {
      ids.push(null);
      resolved.push(source);
      continue;
    }
    const stored = Number.isInteger(id) ? await findStoredSource(db, state.negotiation.id, Number(id)) : undefined;
    if (!stored) problems.push({ path: `${path}[${index}].id`, message: "no source of this negotiation has this id" });
    ids.push(stored ? stored.id : null);
    resolved.push(stored ? (({ id: _, ...rest }) => rest)(stored) : { title: "?", publisher: "?", url: null, publishedAt: null });
  }
  return { ids, resolved };
}

/** Validates an edit against the cell (in the caller's transaction): every problem at once (`invalid`), or the version to write. */
export async function validateEdit(db: TDb, state: TCellState, raw: unknown, today: string): Promise<TValidEdit> {
  const problems: TProblem[] = [];
  const edit = ZCellEdit.safeParse(raw);
  if (!edit.success)
    throw invalid(
      edit.error.issues.map((i) => ({ path: pathText(i.path), message: i.message })),
      "The change",
    );
  const { reason, validFrom = today, asOf = validFrom, sources, readings = [], ...fields } = edit.data;
  if (/^(c\. )?\d{4}-\d{2}/.test(asOf) && parseValidity(asOf).validFrom > today)
    problems.push({ path: edit.data.asOf ? "asOf" : "validFrom", message: "a version cannot hold from a day after today" });
  const own = await resolveSources(db, state, sources, "sources", problems);
  const theirs: Awaited<ReturnType<typeof resolveSources>>[] = [];
  for (const [index, reading] of readings.entries())
    theirs.push(await resolveSources(db, state, reading.sources, `readings[${index}].sources`, problems));
  const parsed = ZCellVersionInput.safeParse({
    ...fields,
    issue: state.issue.slug,
    party: state.party.slug,
    asOf,
    sources: own.resolved,
    readings: readings.map((reading, index) => ({ ...reading, sources: theirs[index]!.resolved })),
  });
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => ({ path: pathText(i.path), message: i.message })));
  if (problems.length > 0 || !parsed.success) throw invalid(problems, "The change");
  return { version: { ...parsed.data, asOf }, reason, sourceIds: own.ids, readingSourceIds: theirs.map((t) => t.ids) };
}

/** A validated edit of a cell as the one writer takes it: a new version by its author, now, with its reason. */
export function toCellWrite(state: TCellState, valid: TValidEdit, authorId: string, now: Date): TCellWrite {
  const { version, reason, sourceIds, readingSourceIds } = valid;
  return {
    issueId: state.issue.id,
    partyId: state.party.id,
    versions: [
      { content: version, sourceIds, readingSourceIds, eventId: null, retracts: null, recordedAt: now.toISOString(), authorId, reason },
    ],
  };
}

/**
 * What a write needs to know of its author: who, and the permission check (lib/auth/permissions.ts),
 * which throws `unauthenticated` or `forbidden` and runs inside the write's transaction.
 */
export type TAuthor = { id: string; assertMayEdit: (db: TDb, negotiationId: number) => Promise<void> };

/**
 * Saves an edit as the cell's new version, in one write transaction: refuses it when the cell's
 * latest version is not `baseVersionId` (`stale`, with the state now; nothing is written),
 * validates it, and writes it with its author and reason through the one writer.
 */
export async function recordCellEdit(args: {
  address: TCellAddress;
  baseVersionId: number;
  author: TAuthor;
  edit: unknown;
  now?: Date;
}): Promise<{ state: TCellState; versionId: number }> {
  const now = args.now ?? new Date();
  return writeTransaction(async (db) => {
    const state = await readCellState(db, args.address, { lock: true });
    if (!state) throw new AppError("not_found", "There is no such cell.");
    await args.author.assertMayEdit(db, state.negotiation.id);
    if ((state.head?.id ?? 0) !== args.baseVersionId) throw new AppError("stale", "The cell has changed since this edit began.", [], state);
    const valid = await validateEdit(db, state, args.edit, now.toISOString().slice(0, 10));
    const written = await appendVersions(db, state.negotiation.id, [toCellWrite(state, valid, args.author.id, now)]);
    return { state: (await readCellState(db, args.address))!, versionId: written.versionIds[0]! };
  });
}

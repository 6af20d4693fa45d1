import "server-only";
import { z } from "zod";
import type { TDb } from "../db/connection";
import { isUniqueViolation, lockNegotiation } from "../db/dialect";
import { writeTransaction } from "../db/transactions";
import { AppError, invalid, pathText, type TProblem } from "../domain/errors";
import { foldText } from "../domain/text";
import { ZText } from "../cells/fields";
import { touchNegotiation, writeSources } from "../cells/write";
import type { TAuthor } from "../cells/edit";
import { appendRedLines } from "../redlines/write";
import { ZRedLineInput } from "../redlines/schema";
import { ZLinkInput, ZPointInput } from "../lineage/schema";
import { recordLinkVersion, recordPointVersion } from "../lineage/write";
import { checkStepEnds, ZEventInput, ZIssueFields, ZIssueInput, ZNewNegotiation, ZPartyInput } from "./dossier-schema";

// Changes to a negotiation's structure: issues and parties added, renamed and reordered, events
// added (with their sources), red lines, points of drafts and links between them given a new version, a new negotiation with an empty matrix. Each is validated with the
// import's own schemas, written in one transaction with an audit entry (who, when, why, before and
// after), and moves the negotiation's data version on.

const ZDirection = z.enum(["up", "down"]);
const ZSlugRef = z.string().min(1).max(60);
/** The version an editor's change starts from (none: a new point or link); a later version written meanwhile makes the change stale. */
const ZBasedOn = z.number().int().positive().nullish();

export const ZStructureChange = z.discriminatedUnion("action", [
  z.object({ action: z.literal("issue.add"), issue: ZIssueInput }),
  z.object({ action: z.literal("issue.update"), slug: ZSlugRef, fields: ZIssueFields.omit({ slug: true }).superRefine(checkStepEnds) }),
  z.object({ action: z.literal("issue.move"), slug: ZSlugRef, direction: ZDirection }),
  z.object({ action: z.literal("party.add"), party: ZPartyInput }),
  z.object({ action: z.literal("party.update"), slug: ZSlugRef, fields: ZPartyInput.omit({ slug: true }) }),
  z.object({ action: z.literal("party.move"), slug: ZSlugRef, direction: ZDirection }),
  z.object({ action: z.literal("event.add"), event: ZEventInput }),
  /** A new version of a party's red line on an issue (a line is never changed: a move is a new version). */
  z.object({ action: z.literal("redline.add"), line: ZRedLineInput }),
  /** A new version of a draft's point (a new point when the number is new); a point is never changed. */
  z.object({ action: z.literal("point.add"), draft: ZSlugRef, point: ZPointInput, basedOn: ZBasedOn }),
  /** A new version of what became of a point in a later draft (the latest version of a pair holds). */
  z.object({ action: z.literal("link.add"), link: ZLinkInput, basedOn: ZBasedOn }),
]);
export type TStructureChange = z.input<typeof ZStructureChange>;

const problemsOf = (error: z.ZodError, whole = "(change)"): TProblem[] =>
  error.issues.map((i) => ({ path: pathText(i.path, whole), message: i.message }));

/** The rows the editor moves and renames. */
type TRowTable = "Issue" | "Party";
type TTable = TRowTable | "Draft";
const noSuch = (table: TTable, slug: string) => new AppError("not_found", `There is no ${table.toLowerCase()} “${slug}”.`);
const slugTaken = (what: string, slug: string) =>
  new AppError("exists", `The slug “${slug}” is already used by another ${what} of this negotiation.`);

async function move(db: TDb, table: TRowTable, negotiationId: number, slug: string, direction: "up" | "down") {
  const row = await db
    .selectFrom(table)
    .select(["id", "sortOrder"])
    .where("negotiationId", "=", negotiationId)
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!row) throw noSuch(table, slug);
  const other = await db
    .selectFrom(table)
    .select(["id", "sortOrder"])
    .where("negotiationId", "=", negotiationId)
    .where("sortOrder", direction === "up" ? "<" : ">", row.sortOrder)
    .orderBy("sortOrder", direction === "up" ? "desc" : "asc")
    .limit(1)
    .executeTakeFirst();
  if (!other) throw new AppError("invalid", `“${slug}” is already ${direction === "up" ? "first" : "last"}.`);
  await db.updateTable(table).set({ sortOrder: other.sortOrder }).where("id", "=", row.id).execute();
  await db.updateTable(table).set({ sortOrder: row.sortOrder }).where("id", "=", other.id).execute();
  return { before: { sortOrder: row.sortOrder }, after: { sortOrder: other.sortOrder } };
}

async function update(db: TDb, table: TRowTable, negotiationId: number, slug: string, fields: Record<string, unknown>) {
  const row = await db.selectFrom(table).selectAll().where("negotiationId", "=", negotiationId).where("slug", "=", slug).executeTakeFirst();
  if (!row) throw noSuch(table, slug);
  const before: Record<string, unknown> & { id: number } = { ...row };
  const values = {
    ...fields,
    ...(table === "Issue"
      ? {
          searchText: foldText(String(fields.name)),
          isCore: fields.isCore ? 1 : 0,
          // A change that does not name the steps keeps them.
          ...(fields.steps === undefined ? {} : { steps: JSON.stringify(fields.steps) }),
        }
      : {}),
  };
  await db.updateTable(table).set(values).where("id", "=", before.id).execute();
  const pick = (row: Record<string, unknown>) => Object.fromEntries(Object.keys(fields).map((k) => [k, row[k]]));
  return { before: pick(before), after: pick({ ...before, ...fields }) };
}

async function nextOrder(db: TDb, table: "Issue" | "Party" | "Event", negotiationId: number): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max("sortOrder").as("last"))
    .where("negotiationId", "=", negotiationId)
    .executeTakeFirst();
  return row?.last == null ? 0 : row.last + 1;
}

/** The id of the row of a negotiation's table with this slug, if any. */
async function idOf(db: TDb, table: TTable | "Event", negotiationId: number, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom(table)
    .select("id")
    .where("negotiationId", "=", negotiationId)
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row?.id;
}

async function taken(db: TDb, table: TTable | "Event", negotiationId: number, slug: string): Promise<boolean> {
  return (await idOf(db, table, negotiationId, slug)) !== undefined;
}

/** Applies a change; returns what the audit entry records and the day the data now reaches (events). */
async function apply(
  db: TDb,
  negotiationId: number,
  change: z.infer<typeof ZStructureChange>,
  by: { userId: string | null; reason: string },
) {
  const ids = async (table: TTable, slug: string) => {
    const id = await idOf(db, table, negotiationId, slug);
    if (id === undefined) throw noSuch(table, slug);
    return id;
  };
  const stamp = { recordedAt: new Date().toISOString(), authorId: by.userId, reason: by.reason };
  switch (change.action) {
    case "issue.add": {
      const i = change.issue;
      if (await taken(db, "Issue", negotiationId, i.slug)) throw slugTaken("issue", i.slug);
      await db
        .insertInto("Issue")
        .values({
          negotiationId,
          slug: i.slug,
          name: i.name,
          description: i.description,
          sortOrder: await nextOrder(db, "Issue", negotiationId),
          isCore: i.isCore ? 1 : 0,
          lowLabel: i.lowLabel,
          highLabel: i.highLabel,
          searchText: foldText(i.name),
          steps: JSON.stringify(i.steps ?? []),
        })
        .execute();
      return { target: i.slug, detail: { after: i }, day: "" };
    }
    case "party.add": {
      const p = change.party;
      if (await taken(db, "Party", negotiationId, p.slug)) throw slugTaken("party", p.slug);
      await db
        .insertInto("Party")
        .values({
          negotiationId,
          slug: p.slug,
          name: p.name,
          kind: p.kind,
          date: p.date,
          description: p.description,
          sortOrder: await nextOrder(db, "Party", negotiationId),
        })
        .execute();
      return { target: p.slug, detail: { after: p }, day: "" };
    }
    case "issue.update":
      return { target: change.slug, detail: await update(db, "Issue", negotiationId, change.slug, change.fields), day: "" };
    case "party.update":
      return { target: change.slug, detail: await update(db, "Party", negotiationId, change.slug, change.fields), day: "" };
    case "issue.move":
      return { target: change.slug, detail: await move(db, "Issue", negotiationId, change.slug, change.direction), day: "" };
    case "party.move":
      return { target: change.slug, detail: await move(db, "Party", negotiationId, change.slug, change.direction), day: "" };
    case "event.add": {
      const e = change.event;
      if (e.slug && (await taken(db, "Event", negotiationId, e.slug))) throw slugTaken("event", e.slug);
      const { id: eventId } = await db
        .insertInto("Event")
        .values({
          negotiationId,
          slug: e.slug,
          date: e.date,
          title: e.title,
          summary: e.summary,
          sortOrder: await nextOrder(db, "Event", negotiationId),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const sourceIds = await writeSources(db, negotiationId, e.sources);
      if (sourceIds.length > 0)
        await db
          .insertInto("EventSource")
          .values(sourceIds.map((sourceId, sortOrder) => ({ eventId, sourceId, sortOrder })))
          .onConflict((oc) => oc.columns(["eventId", "sourceId"]).doNothing())
          .execute();
      return { target: e.slug ?? e.title, detail: { after: e }, day: e.date };
    }
    case "redline.add": {
      const line = change.line;
      const [issueId, partyId] = [await ids("Issue", line.issue), await ids("Party", line.party)];
      const sourceIds = await writeSources(db, negotiationId, line.sources);
      await appendRedLines(db, [
        { ...line, issueId, partyId, sourceIds, recordedAt: new Date().toISOString(), authorId: by.userId, reason: by.reason },
      ]);
      return { target: `${line.issue} × ${line.party}`, detail: { after: line }, day: line.validFrom ?? "" };
    }
    case "point.add": {
      const issueIds = await Promise.all(change.point.issues.map((issue) => ids("Issue", issue)));
      const draftId = await ids("Draft", change.draft);
      await recordPointVersion(db, negotiationId, { draftId, point: change.point, issueIds, basedOn: change.basedOn, by: stamp });
      return { target: `${change.draft} point ${change.point.number}`, detail: { after: change.point }, day: "" };
    }
    case "link.add": {
      const { link } = change;
      const [fromDraftId, toDraftId] = [await ids("Draft", link.fromDraft), await ids("Draft", link.toDraft)];
      await recordLinkVersion(db, negotiationId, { link, fromDraftId, toDraftId, basedOn: change.basedOn, by: stamp });
      return {
        target: `${link.fromDraft} ${link.fromPoint ?? "(none)"} → ${link.toDraft} ${link.toPoint ?? "(none)"}`,
        detail: { after: link },
        day: "",
      };
    }
  }
}

/** Appends an audit entry and moves the negotiation's data version on (inside the caller's transaction). */
async function audit(
  db: TDb,
  entry: { negotiationId: number; userId: string | null; reason: string; action: string; target: string; detail: object },
  day = "",
) {
  await db
    .insertInto("AuditEntry")
    .values({ ...entry, at: new Date().toISOString(), detail: JSON.stringify(entry.detail) })
    .execute();
  await touchNegotiation(db, entry.negotiationId, day);
}

/** A slug taken by a concurrent write surfaces as the database's unique constraint: the same answer as the check. */
async function withUniqueSlugs<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("exists", `That slug is already used by another ${what}.`);
    throw error;
  }
}

const ZReason = ZText(500);

/** Makes one change to a negotiation's structure, all or nothing, with its audit entry. */
export async function changeStructure(args: { slug: string; change: unknown; reason: unknown; author: TAuthor }) {
  const parsed = ZStructureChange.safeParse(args.change);
  const reason = ZReason.safeParse(args.reason);
  if (!parsed.success || !reason.success)
    throw invalid(
      [...(parsed.success ? [] : problemsOf(parsed.error)), ...(reason.success ? [] : problemsOf(reason.error, "reason"))],
      "The change",
    );
  return withUniqueSlugs("row of this negotiation", () =>
    writeTransaction(async (db) => {
      const negotiationId = await lockNegotiation(db, { slug: args.slug });
      if (negotiationId === undefined) throw new AppError("not_found", `There is no negotiation called “${args.slug}”.`);
      await args.author.assertMayEdit(db, negotiationId);
      const { target, detail, day } = await apply(db, negotiationId, parsed.data, { userId: args.author.id, reason: reason.data });
      await audit(db, { negotiationId, userId: args.author.id, reason: reason.data, action: parsed.data.action, target, detail }, day);
      return { action: parsed.data.action, target };
    }),
  );
}

/** A new negotiation with an empty matrix (no issues or parties yet); administrators only, checked by the caller. */
export async function createNegotiation(args: { fields: unknown; userId: string | null }): Promise<{ slug: string }> {
  const parsed = ZNewNegotiation.safeParse(args.fields);
  if (!parsed.success) throw invalid(problemsOf(parsed.error), "The negotiation");
  const n = parsed.data;
  const exists = new AppError("exists", `A negotiation called “${n.slug}” already exists.`);
  return withUniqueSlugs("negotiation", () =>
    writeTransaction(async (db) => {
      if (await db.selectFrom("Negotiation").select("id").where("slug", "=", n.slug).executeTakeFirst()) throw exists;
      const { id } = await db
        .insertInto("Negotiation")
        .values({ slug: n.slug, title: n.title, summary: n.summary, asOf: new Date().toISOString().slice(0, 10), scaleNote: n.scaleNote })
        .returning("id")
        .executeTakeFirstOrThrow();
      await audit(db, {
        negotiationId: id,
        userId: args.userId,
        reason: "New negotiation",
        action: "negotiation.create",
        target: n.slug,
        detail: { after: n },
      });
      return { slug: n.slug };
    }),
  );
}

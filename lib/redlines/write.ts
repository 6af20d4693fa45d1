import "server-only";
import { allocateIds, insertMany } from "../db/dialect";
import type { TDb } from "../db/connection";
import type { TRedLineInput } from "./schema";

// The one writer of red lines: appends versions (a line is never changed) with their citations,
// inside the caller's write transaction.

export type TRedLineWrite = Omit<TRedLineInput, "issue" | "party" | "sources"> & {
  issueId: number;
  partyId: number;
  sourceIds: number[];
  recordedAt: string;
  authorId: string | null;
  reason: string | null;
};

/** Appends red-line versions and their citations; returns how many were written. */
export async function appendRedLines(db: TDb, lines: readonly TRedLineWrite[]): Promise<number> {
  const ids = await allocateIds(db, "RedLine", lines.length);
  await insertMany(
    db,
    "RedLine",
    lines.map((line, index) => ({
      id: ids[index]!,
      issueId: line.issueId,
      partyId: line.partyId,
      min: line.min,
      max: line.max,
      basis: line.basis,
      validFrom: line.validFrom,
      isApproximate: line.isApproximate ? 1 : 0,
      quote: line.quote,
      notes: line.notes,
      recordedAt: line.recordedAt,
      authorId: line.authorId,
      reason: line.reason,
    })),
  );
  await insertMany(
    db,
    "RedLineSource",
    lines.flatMap((line, index) =>
      [...new Set(line.sourceIds)].map((sourceId, order) => ({ redLineId: ids[index]!, sourceId, sortOrder: order })),
    ),
  );
  return lines.length;
}

import "server-only";
import { z } from "zod";
import type { TSource } from "../cells/cell";
import { CELL_CONTENT_KEYS, ZCellContent, ZReading } from "../cells/schema";
import type { TCellState } from "../cells/state";
import { pick } from "../domain/pick";
import { toSourceJson, ZSourceJson } from "./json";

// One cell as the write API gives it: its current content in the input's own shape (so a client can
// send it back changed), each source with the id a next version may cite it by, and its latest version.

/** A stored source, with its id (which an editor's next version may cite it by). */
const ZStoredSourceJson = ZSourceJson.extend({ id: z.number().int() });
const toStoredSourceJson = (s: TSource & { id: number }) => ({ id: s.id, ...toSourceJson(s) });

/**
 * `GET /api/negotiations/{slug}/issues/{issue}/parties/{party}` (with its version as the ETag), and
 * the body of a successful `PUT`: the cell's current content and its latest version.
 */
export const ZCellApiJson = z.strictObject({
  negotiation: z.string(),
  issue: z.string(),
  party: z.string(),
  /** Null for a cell with no version yet (its ETag is "v0"). */
  version: z
    .strictObject({
      id: z.number().int(),
      recordedAt: z.string(),
      author: z.string().nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  position: ZCellContent.extend({
    asOf: z.string(),
    sources: z.array(ZStoredSourceJson),
    readings: z.array(ZReading.extend({ sources: z.array(ZStoredSourceJson) }).strict()),
  })
    .strict()
    .nullable(),
});
export type TCellApiJson = z.infer<typeof ZCellApiJson>;

export function toCellApiJson(state: TCellState): TCellApiJson {
  const { current: c, head } = state;
  return {
    negotiation: state.negotiation.slug,
    issue: state.issue.slug,
    party: state.party.slug,
    version: head && { id: head.id, recordedAt: head.recordedAt, author: head.author, reason: head.reason },
    position: c && {
      ...pick(c, CELL_CONTENT_KEYS),
      evidence: c.evidence,
      asOf: c.asOf,
      sources: c.sources.map(toStoredSourceJson),
      readings: c.readings.map(({ score, status, summary, quote, sources, rank, reason }) => ({
        score,
        status,
        summary,
        quote,
        sources: sources.map(toStoredSourceJson),
        rank,
        reason,
      })),
      preferredReason: c.preferredReason,
    },
  };
}

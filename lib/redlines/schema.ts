import "server-only";
import { z } from "zod";
import { TEXT_LIMITS as L, ZOptionalText, ZSlug } from "../cells/fields";
import { ZSource } from "../cells/schema";
import { isCalendarDay } from "../domain/dates";
import { RED_LINE_BASES } from "./line";

// A red line as a dossier file holds it: one version of a party's acceptable span on an issue.

const ZStep = z.number().int("a step is a whole number").min(-2, "a step is from −2 to +2").max(2, "a step is from −2 to +2");

export const ZRedLineInput = z
  .object({
    issue: ZSlug,
    party: ZSlug,
    min: ZStep,
    max: ZStep,
    basis: z.enum(RED_LINE_BASES),
    /** The first day the span holds; null for an earlier span whose start is not on file. */
    validFrom: z
      .string()
      .refine(isCalendarDay, "a red line starts on a day, YYYY-MM-DD")
      .nullish()
      .transform((v) => v ?? null),
    isApproximate: z.boolean().default(false),
    quote: ZOptionalText(L.quote),
    notes: ZOptionalText(L.notes),
    sources: z.array(ZSource).max(50).default([]),
  })
  .superRefine((line, ctx) => {
    if (line.min > line.max) ctx.addIssue({ code: "custom", path: ["max"], message: "a span's max is at or above its min" });
    // An earlier span whose start is not on file comes from the record of its change, without its own statement.
    if (line.basis === "stated" && line.validFrom !== null && line.quote === null)
      ctx.addIssue({ code: "custom", path: ["quote"], message: "a stated red line carries the statement's words" });
    if (line.basis !== "estimated" && line.validFrom !== null && line.sources.length === 0)
      ctx.addIssue({ code: "custom", path: ["sources"], message: "a stated or reported red line cites a source" });
  });

export type TRedLineInput = z.output<typeof ZRedLineInput>;

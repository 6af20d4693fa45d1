import "server-only";
import { z } from "zod";
import { parseValidity } from "../domain/dates";
import { CONFIDENCES, PARTY_KINDS, SOURCE_KINDS, STATUSES } from "../domain/words";

// The zod building blocks of every input: slugs, dates as the dossiers write them, and text with a
// limit (every text field has one, so that no request has unbounded work to do with what it reads).

export const ZStatus = z.enum(STATUSES);
export const ZConfidence = z.enum(CONFIDENCES);
export const ZPartyKind = z.enum(PARTY_KINDS);
export const ZSourceKind = z.enum(SOURCE_KINDS);

/** A score on the -2..+2 scale, or null when none can honestly be given. */
export const ZScore = z
  .number()
  .int("a score is a whole number")
  .min(-2, "a score is from −2 to +2")
  .max(2, "a score is from −2 to +2")
  .nullable();

/** Field limits, in characters. */
export const TEXT_LIMITS = {
  name: 200,
  label: 200,
  positionLabel: 60,
  sourceTitle: 500,
  description: 2000,
  summary: 2000,
  quote: 2000,
  notes: 4000,
  url: 2000,
} as const;

export const atMost = (max: number) => `at most ${max.toLocaleString("en")} characters`;

export const ZSlug = z
  .string()
  .max(60, atMost(60))
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug is lowercase words joined by hyphens");

/** A date as precise as known: a year, a month or a day. */
export const ZPartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date is YYYY, YYYY-MM or YYYY-MM-DD");

/** A publication date as precise as known, or a range of days kept whole ("2025-11-20/2025-11-21"). */
export const ZPublishedDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}-\d{2}-\d{2})?$/, "a date is YYYY, YYYY-MM, YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD")
  .refine((d) => !d.includes("/") || d.split("/")[0]! <= d.split("/")[1]!, "a date range ends on or after its start");

/** A day or month, approximate or not ("c. 2025-11-21"), or a range of them ("2025-06-02 / 2025-12-19", "2025-06-02/2025-12-19"). */
export const ZDateText = z
  .string()
  .regex(
    /^(c\. )?\d{4}-\d{2}(-\d{2})?( ?(\/|to) ?(c\. )?\d{4}-\d{2}(-\d{2})?)?$/,
    "a date is YYYY-MM-DD or YYYY-MM, optionally marked “c. ”, or a range of two joined by “/” or “ to ”",
  )
  .refine((d) => {
    const { validFrom, validTo } = parseValidity(d);
    return validTo === null || validTo >= validFrom;
  }, "a date range ends on or after its start");

/** Required text of at most `max` characters. */
export const ZText = (max: number) => z.string().trim().min(1, "required").max(max, atMost(max));

/** Optional text of at most `max` characters; absent is null. */
export const ZOptionalText = (max: number) =>
  z
    .string()
    .max(max, atMost(max))
    .nullish()
    .transform((v) => v ?? null);

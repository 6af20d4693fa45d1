// Dates as the dossiers write them: a day, a month, "c. " for approximate, or a range kept whole.

/** A version's validity: the first day (or month) it held, the last day of a range, and whether either end is approximate. */
export type TValidity = { validFrom: string; validTo: string | null; isApproximate: boolean };

/**
 * Reads a date text ("2025-12-14", "c. 2025-11-21", "2025-12-18 / 2025-12-24", "2025-06-02 to
 * c. 2025-12-04", "2025-12-18/2025-12-24") into its start, its end and whether it is approximate.
 */
export function parseValidity(text: string): TValidity {
  const [from = "", to] = text.split(/ ?\/ ?| to /);
  const clean = (part: string) => part.replace(/^c\. /, "").trim();
  return { validFrom: clean(from), validTo: to === undefined ? null : clean(to), isApproximate: text.includes("c. ") };
}

/** The last day a date text names (a range's end). */
export function lastDayOf(text: string): string {
  const { validFrom, validTo } = parseValidity(text);
  return validTo ?? validFrom;
}

/** Every full day (YYYY-MM-DD) a date text names, a range's end included: "c. 2025-11-20 / 2025-11-21" → both days. */
export function daysIn(text: string | null): string[] {
  return text === null ? [] : (text.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
}

/** Whether a text is a real calendar day, YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A document party not yet published on a day: its date starts after it. Actors are always shown. */
export function isUnpublished(party: { kind: string; date: string }, day: string | null): boolean {
  return day !== null && party.kind === "document" && parseValidity(party.date).validFrom > day;
}

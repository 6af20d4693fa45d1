import type { TScore } from "./words";
import type { TSource } from "../cells/cell";

const SCORE_WORDS: Record<string, string> = {
  "-2": "Low pole",
  "-1": "Leans low",
  "0": "Middle",
  "1": "Leans high",
  "2": "High pole",
};

/** The score as text: "+2", "0", "−1" (a true minus sign), or "—" when unknown. */
export function formatScore(score: TScore): string {
  if (score === null) return "—";
  if (score > 0) return `+${score}`;
  if (score < 0) return `\u2212${Math.abs(score)}`;
  return "0";
}

/** A few words for a score, so that it never rests on colour alone. */
export function describeScore(score: TScore): string {
  return score === null ? "No score" : (SCORE_WORDS[String(score)] ?? "");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2025-11-21" → "21 Nov 2025"; "2025-11" → "Nov 2025"; other text unchanged. Never depends on the locale. */
export function formatDate(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  return [day ? String(Number(day)) : null, monthName, year].filter(Boolean).join(" ");
}

/**
 * A party's, position's or source's date text: "2025-06-02 to 2025-12-04" → "2 Jun 2025 to 4 Dec
 * 2025"; a range written "A / B" or as an ISO interval "A/B" reads the same way; one date as `formatDate`.
 */
export function formatDateText(text: string): string {
  return text
    .replace(/ ?\/ ?/g, " to ")
    .split(/( to |c\. )/)
    .map((part) => formatDate(part))
    .join("");
}

/** "c. 21 Nov 2025", "21 Nov 2025", or "date unknown". */
export function formatSourceDate(source: Pick<TSource, "publishedAt" | "isDateApproximate">): string {
  if (!source.publishedAt) return "date unknown";
  return `${source.isDateApproximate ? "c. " : ""}${formatDateText(source.publishedAt)}`;
}

/** One line per source for exports: "Title — Publisher, date <url>". */
export function formatSourceLine(source: Pick<TSource, "title" | "publisher" | "url" | "publishedAt" | "isDateApproximate">): string {
  const url = source.url ? ` <${source.url}>` : " (no URL on file)";
  return `${source.title} — ${source.publisher}, ${formatSourceDate(source)}${url}`;
}

import { z } from "zod";

/** How a position is known: on the record, via leaks and press, or not at all. */
export const ZStatus = z.enum(["stated", "reported", "undisclosed", "no_position"]);
export type TStatus = z.infer<typeof ZStatus>;

export const ZConfidence = z.enum(["high", "medium", "low"]);
export type TConfidence = z.infer<typeof ZConfidence>;

export const ZPartyKind = z.enum(["actor", "document"]);
export type TPartyKind = z.infer<typeof ZPartyKind>;

/** A score on the -2..+2 scale, or null when none can honestly be given. */
export const ZScore = z.number().int().min(-2).max(2).nullable();
export type TScore = z.infer<typeof ZScore>;

/** Statuses that mean the content is unknown: such a position never has a score. */
export const UNKNOWN_STATUSES: readonly TStatus[] = ["undisclosed", "no_position"];

export const STATUS_LABELS: Record<TStatus, string> = {
  stated: "Stated",
  reported: "Reported",
  undisclosed: "Undisclosed",
  no_position: "No position",
};

export type TSource = {
  title: string;
  publisher: string;
  url: string | null;
  publishedAt: string | null;
  isDateApproximate: boolean;
  note: string | null;
};

export type TIssue = {
  slug: string;
  name: string;
  description: string;
  sortOrder: number;
  isCore: boolean;
  lowLabel: string;
  highLabel: string;
};

export type TParty = {
  slug: string;
  name: string;
  kind: TPartyKind;
  date: string;
  description: string;
  sortOrder: number;
};

export type TPosition = {
  issue: string;
  party: string;
  summary: string;
  score: TScore;
  status: TStatus;
  confidence: TConfidence;
  asOf: string | null;
  quote: string | null;
  notes: string | null;
  sources: TSource[];
};

export type TNegotiationSummary = {
  slug: string;
  title: string;
  summary: string;
  asOf: string;
  issueCount: number;
  partyCount: number;
  positionCount: number;
};

/** A whole negotiation as read from the database: plain data, safe to pass to client components. */
export type TNegotiation = {
  slug: string;
  title: string;
  summary: string;
  asOf: string;
  scaleNote: string;
  issues: TIssue[];
  parties: TParty[];
  positions: TPosition[];
};

/** True when a URL may be shown as a link: http(s) only, never javascript:, data: or relative. */
export function isSafeHttpUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

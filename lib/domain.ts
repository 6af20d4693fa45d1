// The domain's words and plain types. Client components import this module, so it holds
// constants, types and pure functions only: the zod schemas live in server-only modules.

/** How a position is known: on the record, via leaks and press, or not at all. */
export const STATUSES = ["stated", "reported", "undisclosed", "no_position"] as const;
export type TStatus = (typeof STATUSES)[number];

export const CONFIDENCES = ["high", "medium", "low"] as const;
export type TConfidence = (typeof CONFIDENCES)[number];

export const PARTY_KINDS = ["actor", "document"] as const;
export type TPartyKind = (typeof PARTY_KINDS)[number];

/** A score on the -2..+2 scale, or null when none can honestly be given. */
export type TScore = number | null;

/** Statuses that mean the content is unknown: such a position never has a score. */
export const UNKNOWN_STATUSES: readonly TStatus[] = ["undisclosed", "no_position"];

export const STATUS_LABELS: Record<TStatus, string> = {
  stated: "Stated",
  reported: "Reported",
  undisclosed: "Undisclosed",
  no_position: "No position",
};

/** How a source is known: the original report, a syndicated copy, a mirror, or a secondary report relaying another outlet. */
export const SOURCE_KINDS = ["original", "syndicated_copy", "mirror", "secondary"] as const;
export type TSourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Record<TSourceKind, string> = {
  original: "original report",
  syndicated_copy: "syndicated copy",
  mirror: "mirror",
  secondary: "secondary report",
};

export type TSource = {
  title: string;
  publisher: string;
  url: string | null;
  publishedAt: string | null;
  isDateApproximate: boolean;
  note: string | null;
  /** Null when not assessed. */
  kind: TSourceKind | null;
  /** For a secondary report: the outlet it relays. */
  relays: string | null;
  /** How the source is known, in words (a state-media label, a copy on an unrelated host, a caveat on its kind). */
  kindNote: string | null;
  /** Warnings about the host, such as "staging_or_dev_host" or "cdn_host". */
  flags: string[];
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
  /** What the position is, in a few words; empty for rows stored before labels existed. */
  label: string;
  summary: string;
  score: TScore;
  status: TStatus;
  confidence: TConfidence;
  asOf: string | null;
  quote: string | null;
  notes: string | null;
  sources: TSource[];
  /** With a search: whether the cell's own texts (label, summary, quote, notes, its sources' titles and publishers) contain it. */
  match?: boolean;
};

/** A slug with its display name, as filters list them. */
export type TOption = { slug: string; name: string };

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

/**
 * True when a URL may be shown as a link: an absolute http(s) address with a host and no white
 * space; never javascript:, data:, relative, or the slash-less `https:example.org`.
 */
export function isSafeHttpUrl(url: string | null | undefined): url is string {
  if (!url || !/^https?:\/\/[^\s/?#]+/i.test(url) || /\s/.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

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

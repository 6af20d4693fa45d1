// The domain's words and plain types: negotiation, issue, party, and the vocabulary of a position
// (its status, confidence, the kinds of source). Client components import this module, so it holds
// constants, types and pure functions only; the zod schemas live in server-only modules.

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

/** One step of an issue's scale: its score, the option it stands for (null: not written down), and whether that option is interpolated (no documented option). */
export type TStep = { score: number; label: string | null; interpolated: boolean };

export type TIssue = {
  slug: string;
  name: string;
  description: string;
  sortOrder: number;
  isCore: boolean;
  lowLabel: string;
  highLabel: string;
  /** Every step from −2 to +2, in order: the ends are lowLabel and highLabel. */
  steps: TStep[];
};

/**
 * An issue's five steps from the stored JSON (the middle three, or all five, as the dossier gave
 * them) and its two end labels, which always win for −2 and +2.
 */
export function toSteps(json: string, lowLabel: string, highLabel: string): TStep[] {
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    stored = [];
  }
  const given = new Map(
    (Array.isArray(stored) ? stored : []).flatMap((s: { score?: unknown; label?: unknown; interpolated?: unknown }) =>
      typeof s?.score === "number" && typeof s.label === "string"
        ? [[s.score, { label: s.label, interpolated: s.interpolated === true }] as const]
        : [],
    ),
  );
  return [-2, -1, 0, 1, 2].map((score) => {
    if (score === -2) return { score, label: lowLabel, interpolated: false };
    if (score === 2) return { score, label: highLabel, interpolated: false };
    const step = given.get(score);
    return { score, label: step?.label ?? null, interpolated: step?.interpolated ?? false };
  });
}

/** The words of a step for a sentence or a tooltip: its label, marked when interpolated, or null when not written down. */
export function stepWords(issue: Pick<TIssue, "steps">, score: number): string | null {
  const step = issue.steps.find((s) => s.score === score);
  if (!step?.label) return null;
  return step.interpolated ? `${step.label} (interpolated: no documented option)` : step.label;
}

export type TParty = {
  slug: string;
  name: string;
  kind: TPartyKind;
  date: string;
  description: string;
  sortOrder: number;
};

/** A slug with its display name, as filters list them. */
export type TOption = { slug: string; name: string };

/** The negotiation fields every view shows. */
export type TNegotiationInfo = {
  slug: string;
  title: string;
  summary: string;
  asOf: string;
  scaleNote: string;
  /** The negotiation's own words for the ends of its scale ("Ukraine's stated position", "no text"). */
  lowEnd: string;
  highEnd: string;
};

/** The words for the ends of a negotiation's scale, for sentences and legends; its own when it has them. */
export function scaleEnds(negotiation: Pick<TNegotiationInfo, "lowEnd" | "highEnd">): { low: string; high: string } {
  return { low: negotiation.lowEnd || "the low end (−2)", high: negotiation.highEnd || "the high end (+2)" };
}

export type TNegotiationSummary = Pick<TNegotiationInfo, "slug" | "title" | "summary" | "asOf"> & {
  issueCount: number;
  partyCount: number;
  positionCount: number;
  /** The cells whose current version has a score. */
  scoredCount: number;
};

/** A stored word, checked against the values its column allows (the database's CHECK constraints allow only these). */
export function toOneOf<T extends string>(values: readonly T[], value: string, noun: string): T {
  if (!(values as readonly string[]).includes(value)) throw new Error(`not a ${noun}: ${value}`);
  return value as T;
}

/** A stored status, checked. */
export const toStatus = (value: string): TStatus => toOneOf(STATUSES, value, "status");

/** A stored confidence, checked. */
export const toConfidence = (value: string): TConfidence => toOneOf(CONFIDENCES, value, "confidence");

/** A stored party kind, checked. */
export const toPartyKind = (value: string): TPartyKind => toOneOf(PARTY_KINDS, value, "party kind");

/** A stored source kind (or none), checked. */
export const toSourceKind = (value: string | null): TSourceKind | null =>
  value === null ? null : toOneOf(SOURCE_KINDS, value, "source kind");

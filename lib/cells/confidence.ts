// Confidence by a stated rule (in the manner of the IPCC's evidence × agreement): the evidence is the
// number of independent originals behind a version (copies, mirrors and relays of one outlet count
// once), the agreement is how far its readings agree, and the confidence follows from the two by
// one table. Pure: the cell's page, the exports and the methods page use it; the editor's own
// confidence stays beside it, with a reason where the two differ.

import type { TConfidence } from "../domain/words";

export const AGREEMENTS = ["high", "medium", "low"] as const;
export type TAgreement = (typeof AGREEMENTS)[number];

/** The evidence of a version: the names of its independent originals and the agreement of its readings. */
export type TEvidence = { originals: string[]; agreement: TAgreement };

export type TEvidenceLevel = "none" | "limited" | "medium" | "robust";

/** 0 originals: none; 1: limited; 2: medium; 3 or more: robust. */
export function evidenceLevel(originals: number): TEvidenceLevel {
  return originals <= 0 ? "none" : originals === 1 ? "limited" : originals === 2 ? "medium" : "robust";
}

/**
 * The rule: robust evidence and high agreement give high confidence; limited evidence and low
 * agreement give low; no independent original at all gives low; every other combination gives medium.
 */
export function confidenceByRule(originals: number, agreement: TAgreement): TConfidence {
  const evidence = evidenceLevel(originals);
  if (evidence === "none") return "low";
  if (evidence === "robust" && agreement === "high") return "high";
  if (evidence === "limited" && agreement === "low") return "low";
  return "medium";
}

/** The rule in words, as the methods page states it. */
export const CONFIDENCE_RULE = [
  "Evidence is the number of independent originals behind a position: the outlets that obtained the text or heard the statement. Copies, mirrors and relays of one outlet count once. 1 original is limited evidence, 2 medium, 3 or more robust.",
  "Agreement is how far the readings of the position agree: all on one step of the scale is high, adjacent steps (or readings that differ only in status) medium, two or more steps apart low.",
  "Robust evidence with high agreement gives high confidence; limited evidence with low agreement gives low; no independent original gives low; every other combination gives medium.",
] as const;

/** The independent originals of an evidence, each once (an outlet named twice counts once). */
export const outletsOf = (evidence: TEvidence): string[] => [...new Set(evidence.originals)];

/** The confidence the rule computes from a version's evidence (null: not assessed). */
export function computedConfidence(evidence: TEvidence | null): TConfidence | null {
  return evidence && confidenceByRule(outletsOf(evidence).length, evidence.agreement);
}

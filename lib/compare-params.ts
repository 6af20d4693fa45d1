import { readParam, type TRawSearchParams } from "./matrix-params";

export type TCompareParams = { a: string | null; b: string | null; problems: string[] };

function pick(raw: TRawSearchParams, key: "a" | "b", known: readonly string[], problems: string[]): string | null {
  const value = readParam(raw, key)?.trim();
  if (!value) {
    problems.push(`Choose party ${key.toUpperCase()}.`);
    return null;
  }
  if (!known.includes(value)) {
    problems.push(`Party ${key.toUpperCase()} “${value.slice(0, 40)}” is not in this negotiation; choose another.`);
    return null;
  }
  return value;
}

/** Reads `a` and `b` (party slugs) for the compare view. Never throws: a missing or unknown party is null, with a message. */
export function parseCompareParams(raw: TRawSearchParams, knownParties: readonly string[]): TCompareParams {
  const problems: string[] = [];
  const a = pick(raw, "a", knownParties, problems);
  const b = pick(raw, "b", knownParties, problems);
  return { a, b, problems };
}

import { readParam, type TRawSearchParams } from "./matrix-params";

/** `gap` (largest gap first, unknown last) or `issue` (the dossier's order). */
export const COMPARE_ORDERS = ["gap", "issue"] as const;
export type TCompareOrder = (typeof COMPARE_ORDERS)[number];

export type TCompareParams = {
  a: string | null;
  b: string | null;
  problems: string[];
  order: TCompareOrder;
  /** Only the issues on which the two differ (`only=differences`). */
  differencesOnly: boolean;
  /** The word-level diff of the summaries, only on request (`diff=words`). */
  wordDiff: boolean;
  /** Every row's summaries and sources shown at once (`details=all`); by default each is one click away. */
  allDetails: boolean;
};

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

/**
 * Reads the compare view's own settings: `a` and `b` (party slugs), `order`, `only` and `diff`. Never
 * throws: a missing or unknown party, or the same party twice, is null with a message. (The matrix's
 * `issues`, `q` and `anchors` are read by the matrix's parser.)
 */
export function parseCompareParams(raw: TRawSearchParams, knownParties: readonly string[]): TCompareParams {
  const problems: string[] = [];
  let a = pick(raw, "a", knownParties, problems);
  let b = pick(raw, "b", knownParties, problems);
  if (a !== null && a === b) {
    problems.push("Party A and party B are the same; choose two different parties.");
    a = b = null;
  }
  const rawOrder = readParam(raw, "order");
  const order = (COMPARE_ORDERS as readonly string[]).includes(rawOrder ?? "") ? (rawOrder as TCompareOrder) : "gap";
  return {
    a,
    b,
    problems,
    order,
    differencesOnly: readParam(raw, "only") === "differences",
    wordDiff: readParam(raw, "diff") === "words",
    allDetails: readParam(raw, "details") === "all",
  };
}

/** The query string of a comparison, with defaults left out; `filters` is the matrix part (`issues`, `q`, `anchors`). */
export function toCompareQuery(params: Omit<TCompareParams, "problems">, filters: URLSearchParams): string {
  const search = new URLSearchParams();
  if (params.a) search.set("a", params.a);
  if (params.b) search.set("b", params.b);
  for (const [key, value] of filters) search.set(key, value);
  if (params.order !== "gap") search.set("order", params.order);
  if (params.differencesOnly) search.set("only", "differences");
  if (params.wordDiff) search.set("diff", "words");
  if (params.allDetails) search.set("details", "all");
  const text = search.toString();
  return text ? `?${text}` : "";
}

import type { TCellApiJson } from "./cell-json";
import type { TProblem } from "../domain/errors";

/** What the edit form shows after a save that did not go through: the editor's values, and why. */
export type TEditFormState = {
  values?: Record<string, string[]>;
  problems?: TProblem[];
  /** The cell as it is now, when another version landed after the form was opened. */
  conflict?: TCellApiJson;
};

export type TPosition = NonNullable<TCellApiJson["position"]>;

/** What the form starts from for a cell with no version yet. */
export const EMPTY: TPosition = {
  label: "",
  summary: "",
  score: null,
  status: "undisclosed",
  confidence: "medium",
  asOf: "",
  quote: null,
  notes: null,
  confidenceReason: null,
  evidence: null,
  sources: [],
  readings: [],
  preferredReason: null,
};

const text = (form: FormData, key: string) => String(form.get(key) ?? "");
const optional = (form: FormData, key: string) => text(form, key).trim() || null;

/**
 * The edit form's fields as the write API's body: the same shape, so the same validation. Empty
 * optional texts are null; the score is a number or null ("unknown"); kept and added sources are
 * stored ids; a new source is added when its title is filled in.
 */
export function formToEdit(form: FormData): Record<string, unknown> {
  const score = text(form, "score");
  const ids = [...form.getAll("source"), form.get("addSource")].filter((v) => typeof v === "string" && v !== "").map(Number);
  const newSource = optional(form, "newTitle")
    ? [
        {
          title: text(form, "newTitle"),
          publisher: text(form, "newPublisher"),
          url: optional(form, "newUrl"),
          publishedAt: optional(form, "newPublishedAt"),
        },
      ]
    : [];
  return {
    label: text(form, "label"),
    summary: text(form, "summary"),
    score: score === "" ? null : Number(score),
    status: text(form, "status"),
    confidence: text(form, "confidence"),
    quote: optional(form, "quote"),
    notes: optional(form, "notes"),
    confidenceReason: optional(form, "confidenceReason"),
    validFrom: text(form, "validFrom") || undefined,
    sources: [...new Set(ids)].map((id) => ({ id })).concat(newSource as never[]),
    ...readingsOf(form),
    reason: text(form, "reason"),
  };
}

/**
 * The competing readings the form carries (their content and stored sources, as they were) with the
 * rank and reason the editor gave each; none when the form carries none. A field that is not a
 * list of readings is passed on as it is, for the validation to refuse.
 */
function readingsOf(form: FormData): { readings?: unknown; preferredReason?: string | null } {
  const carried = text(form, "readingsBase");
  if (carried === "") return {};
  let base: unknown;
  try {
    base = JSON.parse(carried);
  } catch {
    return { readings: carried };
  }
  if (!Array.isArray(base)) return { readings: base };
  return {
    readings: base.map((reading: object, index) => ({
      ...reading,
      rank: text(form, `readingRank-${index}`),
      reason: text(form, `readingReason-${index}`),
    })),
    preferredReason: optional(form, "preferredReason"),
  };
}

import "server-only";
import { CONFIDENCES, SOURCE_KINDS, STATUSES } from "../domain/words";
import { LONG_COLUMNS } from "./csv";
import { LINK_BASES, LINK_CHANGES, POINT_STATUSES } from "../lineage/lineage";
import { RANKS } from "../cells/readings";

// A view as a Frictionless Data Package (https://datapackage.org): datapackage.json describing the
// dataset (title, version, sources, licence) and a Table Schema for each CSV. Each table's columns
// are its fields' names, so a column and its description are written once.

/** The licence of the dossier's own work (summaries, labels, scores); quotes and linked sources remain their authors'. */
export const DATA_LICENCE = {
  name: "CC-BY-4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
  title: "Creative Commons Attribution 4.0",
} as const;

export type TField = {
  name: string;
  type: "string" | "integer" | "boolean" | "date";
  description?: string;
  constraints?: Record<string, unknown>;
};

export const score = (name: string, description: string): TField => ({
  name,
  type: "integer",
  description: `${description} From −2 to +2; empty when no score can honestly be given (never 0 for unknown).`,
  constraints: { minimum: -2, maximum: 2 },
});
const flag = (name: string, description: string): TField => ({ name, type: "boolean", description });
export const text = (name: string, description?: string): TField => ({ name, type: "string", ...(description ? { description } : {}) });
const oneOf = (name: string, values: readonly string[], description: string): TField => ({
  name,
  type: "string",
  description,
  constraints: { enum: [...values] },
});

/** The long layout's fields by column (the long CSV fixes their order). */
const LONG_FIELD: Record<string, TField> = Object.fromEntries(
  [
    text("issue", "The issue's slug."),
    text("issue_name"),
    text("party", "The party's slug."),
    text("party_name"),
    score("score", "The position's score on the issue's scale."),
    oneOf("status", STATUSES, "How the position is known."),
    oneOf("confidence", CONFIDENCES, "How sure the scoring is."),
    text("as_of", "When the position was taken or became known: a day, or a range 'from/to'; 'c. ' marks an approximate date."),
    text("label", "The position in a few words."),
    text("summary"),
    text("quote", "A verbatim quote from a source."),
    text("notes"),
    text("confidence_reason", "Why the confidence differs from the one the stated rule computes, where it does."),
    oneOf(
      "confidence_computed",
      CONFIDENCES,
      "The confidence the stated rule computes from the evidence (independent originals × agreement of the readings); empty: not assessed.",
    ),
    flag("contested", "Whether independent sources disagree: the readings that stand differ in step or status."),
    score("score_min", "The lowest score among the readings that stand (the score itself when no source disagrees)."),
    score("score_max", "The highest score among the readings that stand."),
    text("sources", "The sources cited, ' | ' between them."),
    text("source_urls", "Their addresses, space-separated."),
  ].map((field) => [field.name, field]),
);

/** The long layout's fields, in the order of its columns (a column without a description here fails the test of this module). */
export const LONG_FIELDS: TField[] = LONG_COLUMNS.map((column) => LONG_FIELD[column] ?? text(column));

export const VERSION_FIELDS: TField[] = [
  text("issue"),
  text("party"),
  { name: "version", type: "integer", description: "The version's identifier." },
  text("valid_from", "The first day (or month) the version held."),
  text("valid_to", "The last day of its date range, if it is one."),
  { name: "approximate", type: "boolean" },
  text("as_of", "The date as written."),
  text("recorded_at", "When the version was entered (ISO 8601, UTC)."),
  score("score", "The version's score."),
  oneOf("status", STATUSES, "How the position is known."),
  oneOf("confidence", CONFIDENCES, "How sure the scoring is."),
  text("label"),
  text("summary"),
  text("quote"),
  text("notes"),
  text("event", "The slug of the event that occasioned the version."),
  { name: "retracts", type: "integer", description: "The version this one withdraws as wrong, if it is a retraction." },
  text("sources"),
  text("source_urls"),
];

export const READING_FIELDS: TField[] = [
  text("issue"),
  text("party"),
  { name: "version", type: "integer", description: "The version the reading is of (versions.csv)." },
  oneOf(
    "rank",
    RANKS,
    "preferred: the version's own reading, shown by default; normal: a credible competing reading; deprecated: corrected or retracted by its source.",
  ),
  text("reason", "Why the reading has its rank."),
  score("score", "The reading's score."),
  oneOf("status", STATUSES, "How the position is known, by this reading."),
  text("summary"),
  text("quote", "A verbatim quote from the reading's sources."),
  text("sources", "Its sources, ' | ' between them."),
  text("source_urls", "Their addresses, space-separated."),
];

export const EVENT_FIELDS: TField[] = ["slug", "date", "title", "summary", "sources"].map((name) => text(name));
export const FACT_FIELDS: TField[] = ["date", "title", "summary", "verification", "sources"].map((name) => text(name));

export const SOURCE_FIELDS: TField[] = [
  { name: "number", type: "integer", description: "The source's number in the dossier's bibliography." },
  text("title"),
  text("publisher"),
  text("url"),
  text("published_at", "A day, a month, a year, or a range 'from/to'."),
  { name: "approximate", type: "boolean" },
  oneOf("kind", SOURCE_KINDS, "Original report, syndicated copy, mirror, or secondary report relaying another outlet."),
  text("relays", "For a secondary report: the outlet it relays."),
  text("kind_note", "How the source is known, in words (a state-media label, a copy on an unrelated host, a caveat on its kind)."),
  text("flags", "Warnings about the host, space-separated."),
  text("note"),
];

/** The issues of the view with the words of every step of their scale. */
export const ISSUE_FIELDS: TField[] = [
  text("issue", "The issue's slug."),
  text("name"),
  text("description"),
  { name: "core", type: "boolean", description: "Whether it is one of the negotiation's core issues." },
  ...[-2, -1, 0, 1, 2].map((step) =>
    text(
      `step_${step < 0 ? `minus${-step}` : step > 0 ? `plus${step}` : "0"}`,
      `The option at ${step > 0 ? "+" : ""}${step} on this issue's scale (empty: none written down).`,
    ),
  ),
  text("interpolated_steps", "The steps with no documented option (their label is interpolated), space-separated."),
];

/** The drafts' points: one row per point (the columns of POINT_COLUMNS). */
export const POINT_FIELDS: TField[] = [
  text("draft", "The draft's slug."),
  text("number", "The point's number as the draft gives it (a label such as G1 where none was published)."),
  text("title", "The point in a few words (ours)."),
  text("text", "The point's wording as the press rendered it; empty: not seen."),
  {
    name: "verbatim",
    type: "boolean",
    description: "Whether the text is copied exactly from the cited rendering (otherwise a paraphrase).",
  },
  text("language", "The text's language when not English."),
  text("text_en", "An English paraphrase of a text in another language."),
  { name: "complete", type: "boolean", description: "False when the rendering seen was cut short." },
  { name: "never_seen", type: "boolean", description: "True when nobody could see the point: no wording and no source." },
  text("issues", "The slugs of the issues it concerns, space-separated."),
  oneOf("status", POINT_STATUSES, "Agreed, open, disputed, or unknown where no status is reported."),
  text("status_note", "The status in the sources' words, or why it is unknown."),
  text("notes"),
  text("sources", "The sources cited, ' | ' between them."),
];

/** What became of each point in a later draft: one row per link (the lineage CSV's columns). */
export const LINK_FIELDS: TField[] = [
  text("from_draft", "The earlier draft's slug."),
  text("from_point", "The earlier point's number; empty for an added point."),
  text("from_title"),
  oneOf("change", LINK_CHANGES, "What happened to the point."),
  text("to_draft", "The later draft's slug."),
  text("to_point", "The later point's number; empty for a deleted point (no successor)."),
  text("to_title"),
  text("summary", "What changed, in our words."),
  oneOf("basis", LINK_BASES, "press: a source states the change; comparison: our comparison of two cited texts."),
  oneOf("confidence", CONFIDENCES, "How sure the link is."),
  text("sources", "The sources cited, ' | ' between them."),
];

/** A table's columns: its fields' names. */
export const columnsOf = (fields: readonly TField[]) => fields.map((f) => f.name);

/** One tabular resource of the package. */
export function resource(name: string, title: string, fields: readonly TField[], description: string) {
  return {
    name,
    path: `${name}.csv`,
    profile: "tabular-data-resource",
    title,
    description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    schema: { fields, missingValues: [""] },
  };
}

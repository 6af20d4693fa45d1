import "server-only";
import { strToU8, Zip, ZipDeflate } from "fflate";
import { writeCsvHeader, writeCsvRows } from "../csv";
import { CONFIDENCES, SOURCE_KINDS, STATUSES } from "../domain";
import { toMetaJson } from "../json-formats";
import type { TRawSearchParams } from "../matrix-params";
import { exportPieces, openViewStream } from "./matrix-export";
import { selectRowIds } from "./matrix-sql";

// A view as a Frictionless Data Package (https://datapackage.org): datapackage.json describing the
// dataset (title, version, sources, licence) and a Table Schema for each CSV, zipped with the CSVs,
// so that a dataset can be cited and reloaded with its meaning.

/** The licence of the dossier's own work (summaries, labels, scores); quotes and linked sources remain their authors'. */
export const DATA_LICENCE = {
  name: "CC-BY-4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
  title: "Creative Commons Attribution 4.0",
} as const;

/** datapackage.json lists at most this many sources by name; sources.csv lists them all. */
const MAX_LISTED_SOURCES = 1000;

type TField = {
  name: string;
  type: "string" | "integer" | "boolean" | "date";
  description?: string;
  constraints?: Record<string, unknown>;
};

const score = (name: string, description: string): TField => ({
  name,
  type: "integer",
  description: `${description} From −2 to +2; empty when no score can honestly be given (never 0 for unknown).`,
  constraints: { minimum: -2, maximum: 2 },
});
const text = (name: string, description?: string): TField => ({ name, type: "string", ...(description ? { description } : {}) });
const oneOf = (name: string, values: readonly string[], description: string): TField => ({
  name,
  type: "string",
  description,
  constraints: { enum: [...values] },
});

/** The long layout's fields, in the order of `LONG_COLUMNS` (a test holds them equal). */
export const LONG_FIELDS: TField[] = [
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
  text("sources", "The sources cited, ' | ' between them."),
  text("source_urls", "Their addresses, space-separated."),
];

const VERSION_COLUMNS = [
  "issue",
  "party",
  "version",
  "valid_from",
  "valid_to",
  "approximate",
  "as_of",
  "recorded_at",
  "score",
  "status",
  "confidence",
  "label",
  "summary",
  "quote",
  "notes",
  "event",
  "retracts",
  "sources",
  "source_urls",
] as const;
const VERSION_FIELDS: TField[] = [
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
const EVENT_COLUMNS = ["slug", "date", "title", "summary", "sources"] as const;
const FACT_COLUMNS = ["date", "title", "summary", "verification", "sources"] as const;
const SOURCE_COLUMNS = [
  "number",
  "title",
  "publisher",
  "url",
  "published_at",
  "approximate",
  "kind",
  "relays",
  "kind_note",
  "flags",
  "note",
] as const;
const SOURCE_FIELDS: TField[] = [
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

/** A CSV for the package: the export's own text without its byte-order mark (the package declares UTF-8). */
const withoutBom = (csv: string) => csv.replace(/^\uFEFF/, "");

function resource(name: string, title: string, fields: readonly TField[], description: string) {
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

/** Rows of a statement as CSV text, about CHUNK_ROWS records at a time, so memory stays flat. */
const CHUNK_ROWS = 2000;
function* csvChunks(header: readonly string[], rows: Iterable<(string | number | null)[]>): Generator<string> {
  yield withoutBom(writeCsvHeader(header));
  let chunk: (string | number | null)[][] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === CHUNK_ROWS) {
      yield writeCsvRows(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield writeCsvRows(chunk);
}

export type TDataPackageStream = { filename: string; pieces: Iterator<Uint8Array>; close: () => void };

/**
 * The data package of a view as a zip to stream: `datapackage.json`, the matrix in both layouts,
 * every version, event, fact and source, for the URL's filters (issues, parties, search, asOf).
 * Everything is read from one snapshot (`openViewStream`) and compressed as it is read, so memory
 * stays flat however large the dossier. Null when the negotiation does not exist; `close` must be
 * called if the pieces are not read to the end.
 */
export function openDataPackage(slug: string, raw: TRawSearchParams, origin: string): TDataPackageStream | null {
  return openViewStream(slug, raw, (base) => {
    const { db } = base;
    const meta = toMetaJson(origin, base.negotiation, base.params, "");
    const asOf = base.params.asOf ?? "9999-12-31";
    const rowIds = selectRowIds(base.db, { ...base.filter, sort: "order" });
    const negotiationId = base.negotiation.id;
    const cited = (table: string, key: string, owner: string) =>
      `(SELECT group_concat(x."citation", ' | ') FROM (SELECT s."citation" FROM "${table}" j JOIN "Source" s ON s."id" = j."sourceId" WHERE j."${key}" = ${owner} ORDER BY j."sortOrder") x)`;
    // Prepared before the response starts, so a broken database fails as a plain error, not a cut-off body.
    const versions = db
      .prepare(
        `SELECT i."slug", pa."slug", v."id", v."validFrom", v."validTo", iif(v."isApproximate", 'true', 'false'), v."asOf", v."recordedAt",
           v."score", v."status", v."confidence", v."label", v."summary", v."quote", v."notes", e."slug", v."retractsId",
           ${cited("PositionVersionSource", "versionId", 'v."id"')},
           (SELECT group_concat(x."url", ' ') FROM (SELECT s."url" FROM "PositionVersionSource" j JOIN "Source" s ON s."id" = j."sourceId" WHERE j."versionId" = v."id" AND s."url" IS NOT NULL ORDER BY j."sortOrder") x)
         FROM json_each(?) r JOIN "Issue" i ON i."id" = r.value JOIN json_each(?) c JOIN "Party" pa ON pa."id" = c.value
         JOIN "PositionVersion" v ON v."issueId" = i."id" AND v."partyId" = pa."id" LEFT JOIN "Event" e ON e."id" = v."eventId"
         WHERE v."validFrom" <= ? ORDER BY r.key, c.key, v."validFrom", v."id"`,
      )
      .raw();
    const events = db
      .prepare(
        `SELECT v."slug", v."date", v."title", v."summary", ${cited("EventSource", "eventId", 'v."id"')} FROM "Event" v
         WHERE v."negotiationId" = ? AND substr(v."date", 1, 10) <= ? ORDER BY v."sortOrder"`,
      )
      .raw();
    const facts = db
      .prepare(
        `SELECT v."date", v."title", v."summary", v."verification", ${cited("FactSource", "factId", 'v."id"')} FROM "Fact" v
         WHERE v."negotiationId" = ? AND substr(v."date", 1, 10) <= ? ORDER BY v."sortOrder"`,
      )
      .raw();
    const sources = db
      .prepare(
        `SELECT ROW_NUMBER() OVER (ORDER BY s."id"), s."title", s."publisher", s."url", s."publishedAt", iif(s."isDateApproximate", 'true', 'false'),
           s."kind", s."relays", s."kindNote", (SELECT group_concat(f.value, ' ') FROM json_each(s."flags") f), s."note"
         FROM "Source" s WHERE s."negotiationId" = ? ORDER BY s."id"`,
      )
      .raw();
    const listed = db
      .prepare(`SELECT "title", "publisher", "url" FROM "Source" WHERE "negotiationId" = ? ORDER BY "id" LIMIT ?`)
      .all(negotiationId, MAX_LISTED_SOURCES) as { title: string; publisher: string; url: string | null }[];
    const wideFields: TField[] = [
      text("issue", "The issue's slug."),
      ...base.shownParties.flatMap((p) => [
        score(`${p.slug}_score`, `${p.name}: its score.`),
        text(`${p.slug}_position`, `${p.name}: its position in words.`),
      ]),
    ];
    const shown = base.params.asOf ? `as it stood on ${base.params.asOf}` : `current to ${base.negotiation.asOf}`;
    const descriptor = {
      profile: "tabular-data-package",
      name: slug,
      id: meta.permalink,
      title: base.negotiation.title,
      description: `${base.negotiation.summary} This package holds the view ${shown} (${meta.permalink}). ${base.negotiation.scaleNote}`,
      version: meta.dataVersion,
      created: meta.generatedAt,
      homepage: meta.permalink,
      licenses: [DATA_LICENCE],
      sources: listed.map(({ title, publisher, url }) => ({
        title: `${title} — ${publisher}`,
        ...(url !== null && /^https?:\/\//.test(url) ? { path: url } : {}),
      })),
      keywords: ["negotiation", "positions"],
      resources: [
        resource(
          "matrix-long",
          "The matrix, one row per cell",
          LONG_FIELDS,
          "Each issue × party cell of the view with its position and sources.",
        ),
        resource("matrix-wide", "The matrix, one row per issue", wideFields, "Each issue with every shown party's score and position."),
        resource(
          "versions",
          "Every version of the cells",
          VERSION_FIELDS,
          "The history of each cell of the view: every version, retractions included.",
        ),
        resource(
          "events",
          "The timeline",
          EVENT_COLUMNS.map((name) => text(name)),
          "The negotiation's dated events with their sources.",
        ),
        resource(
          "facts",
          "Context facts",
          FACT_COLUMNS.map((name) => text(name)),
          "Dated facts of the context, with how far each is verified.",
        ),
        resource("sources", "The bibliography", SOURCE_FIELDS, "Every source of the dossier, numbered as on its pages."),
      ],
    };
    const exported = (format: "long" | "wide") =>
      (function* () {
        const pieces = exportPieces(base, format, origin).pieces;
        const first = pieces.next();
        if (!first.done) yield withoutBom(first.value);
        yield* pieces;
      })();
    const files: [string, () => Iterable<string>][] = [
      ["datapackage.json", () => [`${JSON.stringify(descriptor, null, 2)}\n`]],
      ["matrix-long.csv", () => exported("long")],
      ["matrix-wide.csv", () => exported("wide")],
      [
        "versions.csv",
        () =>
          csvChunks(
            VERSION_COLUMNS,
            versions.iterate(JSON.stringify(rowIds), JSON.stringify(base.shownParties.map((p) => p.id)), asOf) as Iterable<
              (string | number | null)[]
            >,
          ),
      ],
      ["events.csv", () => csvChunks(EVENT_COLUMNS, events.iterate(negotiationId, asOf) as Iterable<(string | null)[]>)],
      ["facts.csv", () => csvChunks(FACT_COLUMNS, facts.iterate(negotiationId, asOf) as Iterable<(string | null)[]>)],
      ["sources.csv", () => csvChunks(SOURCE_COLUMNS, sources.iterate(negotiationId) as Iterable<(string | number | null)[]>)],
    ];
    const mtime = new Date(meta.generatedAt);
    function* pieces(): Generator<Uint8Array> {
      const ready: Uint8Array[] = [];
      const zip = new Zip((error, chunk) => {
        if (error) throw error;
        ready.push(chunk);
      });
      const drain = function* () {
        while (ready.length > 0) yield ready.shift()!;
      };
      for (const [name, texts] of files) {
        const file = new ZipDeflate(name, { level: 6 });
        file.mtime = mtime;
        zip.add(file);
        for (const text of texts()) {
          file.push(strToU8(text));
          yield* drain();
        }
        file.push(new Uint8Array(0), true);
        yield* drain();
      }
      zip.end();
      yield* drain();
    }
    const date = base.params.asOf ? `asof-${base.params.asOf}` : base.negotiation.asOf;
    return { filename: `${slug}_${date}_datapackage.zip`, pieces: pieces() };
  });
}

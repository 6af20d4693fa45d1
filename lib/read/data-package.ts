import "server-only";
import { strToU8, Zip, ZipDeflate } from "fflate";
import { writeCsvHeader, writeCsvRows, type TCsvCell } from "../formats/csv";
import {
  columnsOf,
  DATA_LICENCE,
  EVENT_FIELDS,
  FACT_FIELDS,
  LONG_FIELDS,
  resource,
  score,
  SOURCE_FIELDS,
  text,
  VERSION_FIELDS,
  type TField,
  ISSUE_FIELDS,
  LINK_FIELDS,
  POINT_FIELDS,
  READING_FIELDS,
} from "../formats/data-package";
import { linkRows, pointRows } from "../formats/lineage";
import { concerns, linksShown } from "../lineage/lineage";
import { readLineage } from "../lineage/read";
import { toMetaJson } from "../formats/json";
import type { TRawSearchParams } from "../params/matrix-params";
import { exportPieces, openViewStream, type TViewStream } from "./matrix-export";
import { CHUNK_ROWS, readingRows, rowsOf } from "./package-tables";
import { selectRowIds } from "./rows";

// The data package of a view as a zip to stream: `datapackage.json`, the matrix in both layouts,
// every version, event, fact and source, for the URL's filters (issues, parties, search, asOf).

/** datapackage.json lists at most this many sources by name; sources.csv lists them all. */
const MAX_LISTED_SOURCES = 1000;

/** A CSV for the package: the export's own text without its byte-order mark (the package declares UTF-8). */
const withoutBom = (csv: string) => csv.replace(/^\uFEFF/, "");

async function* csvChunks(fields: readonly TField[], rows: AsyncIterable<TCsvCell[]>): AsyncGenerator<string> {
  yield withoutBom(writeCsvHeader(columnsOf(fields)));
  let chunk: TCsvCell[][] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length === CHUNK_ROWS) {
      yield writeCsvRows(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield writeCsvRows(chunk);
}

export type TDataPackageStream = { filename: string } & TViewStream<Uint8Array>;

/**
 * The data package of a view as a zip to stream. Everything is read from one snapshot
 * (`openViewStream`) and compressed as it is read, so memory stays flat however large the dossier.
 * Null when the negotiation does not exist; `close` must be called if the pieces are not read to the end.
 */
export function openDataPackage(slug: string, raw: TRawSearchParams, origin: string): Promise<TDataPackageStream | null> {
  return openViewStream(slug, raw, async (db, base) => {
    const meta = toMetaJson(origin, base.negotiation, base.params, "matrix");
    const day = base.params.asOf ?? "9999-12-31";
    const rowIds = await selectRowIds(db, { ...base.filter, sort: "order" });
    const listed = await db
      .selectFrom("Source")
      .select(["title", "publisher", "url"])
      .where("negotiationId", "=", base.negotiation.id)
      .orderBy("id")
      .limit(MAX_LISTED_SOURCES)
      .execute();
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
        resource("issues", "The issues", ISSUE_FIELDS, "The view's issues, with the option each step of their scale stands for."),
        resource(
          "versions",
          "Every version of the cells",
          VERSION_FIELDS,
          "The history of each cell of the view: every version, retractions included.",
        ),
        resource(
          "readings",
          "Where sources disagree",
          READING_FIELDS,
          "Every reading of each version whose independent sources disagree: its own (preferred) first, then the competing ones, each with its rank and the reason.",
        ),
        resource("events", "The timeline", EVENT_FIELDS, "The negotiation's dated events with their sources."),
        resource("facts", "Context facts", FACT_FIELDS, "Dated facts of the context, with how far each is verified."),
        resource("sources", "The bibliography", SOURCE_FIELDS, "Every source of the dossier, numbered as on its pages."),
        resource(
          "points",
          "The drafts' points",
          POINT_FIELDS,
          "Every point of the drafts published by the view's day that concerns its issues.",
        ),
        resource(
          "links",
          "Which point became which",
          LINK_FIELDS,
          "What became of each point in a later draft, between the drafts of the view's day.",
        ),
      ],
    };
    // The lineage is bounded by the import's limits: read whole, filtered by the view's issues.
    const lineage = await readLineage(db, base.negotiation.id, base.params.asOf);
    const lineageRows = async function* (table: "points" | "links") {
      const issues = base.params.issues;
      if (table === "links") yield* linkRows(lineage, linksShown(lineage, issues));
      else yield* pointRows(lineage.drafts.map((d) => ({ ...d, points: d.points.filter((p) => concerns(p, issues)) })));
    };
    const exported = async function* (format: "long" | "wide") {
      const { pieces } = await exportPieces(db, base, format, origin);
      let first = true;
      for await (const piece of pieces) {
        yield first ? withoutBom(piece) : piece;
        first = false;
      }
    };
    const files: [string, () => AsyncIterable<string>][] = [
      [
        "datapackage.json",
        async function* () {
          yield `${JSON.stringify(descriptor, null, 2)}\n`;
        },
      ],
      ["matrix-long.csv", () => exported("long")],
      ["matrix-wide.csv", () => exported("wide")],
      ["issues.csv", () => csvChunks(ISSUE_FIELDS, rowsOf(db, base, "issues", rowIds, day))],
      ["versions.csv", () => csvChunks(VERSION_FIELDS, rowsOf(db, base, "versions", rowIds, day))],
      ["readings.csv", () => csvChunks(READING_FIELDS, readingRows(db, base, rowIds, day))],
      ["events.csv", () => csvChunks(EVENT_FIELDS, rowsOf(db, base, "events", rowIds, day))],
      ["facts.csv", () => csvChunks(FACT_FIELDS, rowsOf(db, base, "facts", rowIds, day))],
      ["sources.csv", () => csvChunks(SOURCE_FIELDS, rowsOf(db, base, "sources", rowIds, day))],
      ["points.csv", () => csvChunks(POINT_FIELDS, lineageRows("points"))],
      ["links.csv", () => csvChunks(LINK_FIELDS, lineageRows("links"))],
    ];
    const mtime = new Date(meta.generatedAt);
    async function* pieces(): AsyncGenerator<Uint8Array> {
      const ready: Uint8Array[] = [];
      const zip = new Zip((error, chunk) => {
        if (error) throw error;
        ready.push(chunk);
      });
      for (const [name, texts] of files) {
        const file = new ZipDeflate(name, { level: 6 });
        file.mtime = mtime;
        zip.add(file);
        for await (const piece of texts()) {
          file.push(strToU8(piece));
          while (ready.length > 0) yield ready.shift()!;
        }
        file.push(new Uint8Array(0), true);
        while (ready.length > 0) yield ready.shift()!;
      }
      zip.end();
      while (ready.length > 0) yield ready.shift()!;
    }
    const date = base.params.asOf ? `asof-${base.params.asOf}` : base.negotiation.asOf;
    return { filename: `${slug}_${date}_datapackage.zip`, pieces: pieces() };
  });
}

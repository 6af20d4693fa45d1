import Link from "next/link";
import { isSafeHttpUrl } from "@/lib/domain/safe-url";
import { SOURCE_KIND_LABELS } from "@/lib/domain/words";
import { type TSource } from "@/lib/cells/cell";
import { formatSourceDate } from "@/lib/domain/format";
import type { TNumberedSource } from "@/lib/cells/cell";
import { Highlighted } from "@/components/highlighted";

/** A cell's sources by their bibliography numbers: title, publisher, date and link, and the number linking to the entry. */
export function NumberedSources(props: { sources: TNumberedSource[]; hrefOf: (number: number) => string; query?: string }) {
  const { sources, hrefOf, query = "" } = props;
  if (sources.length === 0) return <p className="no-sources">No source found.</p>;
  return (
    <ul className="numbered-sources">
      {sources.map((source) => (
        <li key={source.number}>
          <Link href={hrefOf(source.number)} className="source-number" aria-label={`Source ${source.number} in the bibliography`}>
            [{source.number}]
          </Link>{" "}
          <SourceEntry source={source} query={query} />
        </li>
      ))}
    </ul>
  );
}

/** One source: its title (a link when its address is http(s)), publisher, date and note; a search's matches marked. */
export function SourceEntry({ source, query = "" }: { source: TSource; query?: string }) {
  return (
    <>
      {isSafeHttpUrl(source.url) ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          <Highlighted text={source.title} query={query} />
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        <span>
          <Highlighted text={source.title} query={query} /> <em>(no link on file)</em>
        </span>
      )}
      ,{" "}
      <span className="source-meta">
        <Highlighted text={source.publisher} query={query} />
      </span>
      , {formatSourceDate(source)}. <SourceKind source={source} />
      {source.note && <> {source.note}</>}
    </>
  );
}

const FLAG_WORDS: Record<string, string> = {
  staging_or_dev_host: "served from a staging or development host",
  cdn_host: "served from a CDN host",
  unrelated_domain_copy: "copied onto an unrelated domain",
  aggregator: "an aggregator site",
  tass_relaying_foreign_outlet: "TASS relaying a foreign outlet",
  low_reliability: "of low reliability",
  unstable_index_page: "an index page that changes",
  non_canonical_host: "not the publisher's own host",
};

/**
 * How the source is known, in words: "(secondary report, relaying Reuters; an aggregator site)",
 * then its note on that ("Press TV is Iranian state media.").
 */
export function SourceKind({ source }: { source: Pick<TSource, "kind" | "relays" | "flags" | "kindNote"> }) {
  if (!source.kind) return source.kindNote ? <span className="source-kind-note">{source.kindNote}</span> : null;
  const parts = [
    SOURCE_KIND_LABELS[source.kind] + (source.relays ? `, relaying ${source.relays}` : ""),
    ...source.flags.map((flag) => FLAG_WORDS[flag] ?? flag.replaceAll("_", " ")),
  ];
  return (
    <>
      <span className={`source-kind source-kind-${source.kind}`} data-testid="source-kind">
        ({parts.join("; ")})
      </span>
      {source.kindNote ? (
        <>
          {" "}
          <span className="source-kind-note" data-testid="source-kind-note">
            {source.kindNote}
          </span>
        </>
      ) : null}
    </>
  );
}

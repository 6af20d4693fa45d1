import Link from "next/link";
import { isSafeHttpUrl, type TSource } from "@/lib/domain";
import { formatSourceDate } from "@/lib/format";
import type { TNumberedSource } from "@/lib/queries/entity-views";

/** A cell's sources by their bibliography numbers: title, publisher, date and link, and the number linking to the entry. */
export function NumberedSources({ sources, hrefOf }: { sources: TNumberedSource[]; hrefOf: (number: number) => string }) {
  if (sources.length === 0) return <p className="no-sources">No source found.</p>;
  return (
    <ul className="numbered-sources">
      {sources.map((source) => (
        <li key={source.number}>
          <Link href={hrefOf(source.number)} className="source-number" aria-label={`Source ${source.number} in the bibliography`}>
            [{source.number}]
          </Link>{" "}
          <SourceEntry source={source} />
        </li>
      ))}
    </ul>
  );
}

/** One source: its title (a link when its address is http(s)), publisher, date and note. */
export function SourceEntry({ source }: { source: TSource }) {
  return (
    <>
      {isSafeHttpUrl(source.url) ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          {source.title}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        <span>
          {source.title} <em>(no link on file)</em>
        </span>
      )}
      , <span className="source-meta">{source.publisher}</span>, {formatSourceDate(source)}.{source.note && <> {source.note}</>}
    </>
  );
}

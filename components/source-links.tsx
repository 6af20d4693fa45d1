import { isSafeHttpUrl } from "@/lib/domain/safe-url";
import type { TSource } from "@/lib/cells/schema";

/** Sources as a short list: the title linked when its address is http(s), the publisher and date. */
export function SourceLinks({ sources }: { sources: readonly Pick<TSource, "title" | "publisher" | "url" | "publishedAt">[] }) {
  if (sources.length === 0) return <p className="meta">No source of its own on file.</p>;
  return (
    <ul className="source-links">
      {sources.map((s, index) => (
        <li key={index}>
          {isSafeHttpUrl(s.url) ? (
            <a href={s.url!} rel="noopener noreferrer nofollow">
              {s.title}
            </a>
          ) : (
            s.title
          )}{" "}
          — {s.publisher}
          {s.publishedAt ? `, ${s.publishedAt}` : ""}
        </li>
      ))}
    </ul>
  );
}

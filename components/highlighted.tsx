import { Fragment } from "react";
import { findMatches } from "@/lib/domain/text";

/** Text with each match of the search marked (`<mark>`); the text stays text, never markup. */
export function Highlighted({ text, query }: { text: string; query: string }) {
  const ranges = query ? findMatches(text, query) : [];
  if (ranges.length === 0) return <>{text}</>;
  const pieces: React.ReactNode[] = [];
  let last = 0;
  for (const [start, end] of ranges) {
    pieces.push(<Fragment key={`t${start}`}>{text.slice(last, start)}</Fragment>, <mark key={`m${start}`}>{text.slice(start, end)}</mark>);
    last = end;
  }
  pieces.push(<Fragment key="end">{text.slice(last)}</Fragment>);
  return <>{pieces}</>;
}

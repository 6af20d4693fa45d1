import Link from "next/link";
import { SourceLinks } from "@/components/source-links";
import type { TSource } from "@/lib/cells/schema";
import { BASIS_WORDS, CHANGE_WORDS, isNeverSeen, STATUS_WORDS, type TLink, type TPoint } from "@/lib/lineage/lineage";
import { href } from "@/lib/params/urls";

// The pieces of the lineage pages: a point named and linked, its status in words and a mark, and a
// link's change with its basis and confidence. Marks are words as well as shapes, never colour alone.

const CHANGE_MARK: Record<TLink["change"], string> = {
  kept: "=",
  modified: "≈",
  deleted: "✕",
  added: "+",
  split: "÷",
  merged: "∪",
  renumbered: "#",
};

/** A point named by its draft's number and title, linking its page; a point never seen says so. */
export function PointRef({ slug, draft, point, asOf }: { slug: string; draft: string; point: TPoint; asOf: string | null }) {
  return (
    <span className="point-ref">
      <Link href={href("point", { slug, draft, number: point.number }, { asOf })}>
        <span className="point-number">{point.number}</span> {isNeverSeen(point) ? <em>never seen</em> : point.title}
      </Link>{" "}
      <PointStatus point={point} />
    </span>
  );
}

/** The point's status in words (open, disputed, agreed); an unknown status is said only where a note explains it. */
export function PointStatus({
  point,
  full = false,
}: {
  point: Pick<TPoint, "status" | "statusNote" | "text" | "sources">;
  full?: boolean;
}) {
  if (point.status === "unknown" && !full) return null;
  return (
    <span className={`point-status point-${point.status}`} data-testid="point-status">
      {point.status === "unknown" ? STATUS_WORDS.unknown : point.status}
      {full && point.statusNote ? `: ${point.statusNote}` : ""}
    </span>
  );
}

/** What became of a point: the change (mark and word), the summary, its basis and confidence. */
export function ChangeWords({ link, via }: { link: TLink; via?: string | null }) {
  return (
    <div className="link-change" data-testid="link-change" data-change={link.change}>
      <strong>
        <span aria-hidden="true">{CHANGE_MARK[link.change]}</span> {CHANGE_WORDS[link.change]}
      </strong>
      {via ? <span className="meta"> (through {via})</span> : null} {link.summary}{" "}
      <span className="meta">
        Basis: {BASIS_WORDS[link.basis]}
        {link.basisNote ? ` (${link.basisNote})` : ""}; confidence {link.confidence}.
      </span>
    </div>
  );
}

/** A link with its sources, folded. */
export function LinkSources({ sources }: { sources: readonly TSource[] }) {
  return (
    <details className="link-sources">
      <summary>Sources ({sources.length})</summary>
      <SourceLinks sources={sources} />
    </details>
  );
}

import Link from "next/link";
import { toMatrixSearchParams, toQueryString, type TMatrixParams } from "@/lib/params/matrix-params";
import type { TAnchors } from "@/lib/read/matrix-view";

/**
 * The one sentence on the scale's anchors where a metric would be flat by construction: which
 * parties define the ends, whether spread counts them, and a one-click switch.
 */
export function AnchorNote({ anchors, basePath, params }: { anchors: TAnchors; basePath: string; params: TMatrixParams }) {
  const named = [anchors.low, anchors.high].filter((a) => a !== null);
  if (named.length === 0) return null;
  const names = named.map((a) => a.name).join(" and ");
  const other = anchors.mode === "include" ? "exclude" : "include";
  const href = `${basePath}${toQueryString(toMatrixSearchParams({ ...params, anchors: other, page: 1 }))}`;
  if (anchors.mode === "include") {
    return (
      <p className="anchor-note" data-testid="anchor-note">
        Spread and “most contested” now count {names}, whose stated positions define the ends of the scale, so any issue they both score
        spreads 4 by construction. <Link href={href}>Leave them out</Link>
      </p>
    );
  }
  if (anchors.leftOut.length === 0) return null;
  return (
    <p className="anchor-note" data-testid="anchor-note">
      {anchors.leftOut.map((a) => a.name).join(" and ")} {anchors.leftOut.length === 1 ? "states" : "state"} the position that defines an
      end of the scale (−2 or +2), so spread and “most contested” leave {anchors.leftOut.length === 1 ? "it" : "them"} out: counted, every
      issue both poles score would spread 4. <Link href={href}>Include them</Link>
    </p>
  );
}

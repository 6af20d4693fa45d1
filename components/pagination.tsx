import Link from "next/link";
import { toMatrixSearchParams, toQueryString, type TMatrixParams } from "@/lib/params/matrix-params";
import type { TPage } from "@/lib/read/matrix-view";

/** Previous and next page links for a view of more rows than one page holds; nothing otherwise. */
export function Pagination({ basePath, params, page }: { basePath: string; params: TMatrixParams; page: TPage }) {
  if (page.pageCount <= 1) return null;
  const href = (number: number) => `${basePath}${toQueryString(toMatrixSearchParams({ ...params, page: number }))}`;
  return (
    <nav className="pagination" aria-label="Pages of rows">
      {page.number > 1 ? (
        <Link href={href(page.number - 1)} rel="prev">
          ← Previous page
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span>
        Page {page.number} of {page.pageCount}
      </span>
      {page.number < page.pageCount ? (
        <Link href={href(page.number + 1)} rel="next">
          Next page →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}

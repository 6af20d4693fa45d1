import Link from "next/link";
import { toMatrixSearchParams, toQueryString, type TMatrixParams } from "@/lib/params/matrix-params";

/**
 * The view line's word on contested cells: how many of the view's cells have independent sources
 * that disagree (marked ↕ with their range), and the link that keeps only their rows
 * (`contested=only`) or shows every row again.
 */
export function ContestedFilter({ basePath, params, contested }: { basePath: string; params: TMatrixParams; contested: number }) {
  const toggle = `${basePath}${toQueryString(toMatrixSearchParams({ ...params, contested: !params.contested, page: 1 }))}`;
  const cells = `${contested.toLocaleString("en")} cell${contested === 1 ? "" : "s"}`;
  if (params.contested)
    return (
      <span data-testid="contested-summary">
        {" "}
        Only the rows where sources disagree ({cells}, marked ↕).{" "}
        <Link href={toggle} data-testid="contested-filter">
          Show every row
        </Link>
      </span>
    );
  // A view with no contested cell says nothing of them (a dossier without competing readings stays as it was).
  if (contested === 0) return null;
  return (
    <span data-testid="contested-summary">
      {" "}
      {cells} contested (sources disagree, marked ↕).{" "}
      <Link href={toggle} data-testid="contested-filter">
        Only their rows
      </Link>
    </span>
  );
}

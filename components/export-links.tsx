import { toMatrixSearchParams, toQueryString, type TMatrixParams } from "@/lib/params/matrix-params";
import { href } from "@/lib/params/urls";

/** Download links for the current view: the same filters, so an export matches the screen; every page of rows. */
export function ExportLinks({ slug, params: current }: { slug: string; params: TMatrixParams }) {
  const params = { ...current, page: 1 };
  const withLayout = (layout: string) => {
    const search = toMatrixSearchParams(params);
    if (layout !== "wide") search.set("layout", layout);
    return href("matrixCsv", { slug }, toQueryString(search));
  };
  const json = href("apiMatrix", { slug }, toQueryString(toMatrixSearchParams(params)));
  return (
    <nav className="exports" aria-label="Export this view">
      <span>Export this view:</span>
      <a href={withLayout("wide")} download data-testid="csv-wide">
        CSV, one row per issue
      </a>
      <a href={withLayout("long")} download data-testid="csv-long">
        CSV, one row per cell
      </a>
      <a href={json} data-testid="json">
        JSON
      </a>
      <a href={href("dataPackage", { slug }, toQueryString(toMatrixSearchParams(params)))} download data-testid="datapackage">
        Data package (zip: CSVs with their schemas, versions, events, sources)
      </a>
    </nav>
  );
}

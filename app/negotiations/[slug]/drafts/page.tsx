import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeWords, PointRef } from "@/components/lineage";
import { NegotiationHeader } from "@/components/negotiation-header";
import { Notices } from "@/components/notices";
import { ScrollRegion } from "@/components/scroll-region";
import { formatDate } from "@/lib/domain/format";
import { describeCoverage } from "@/lib/lineage/lineage";
import { href } from "@/lib/params/urls";
import { getLineageView, lineageFilters } from "@/lib/read/lineage-view";
import { negotiationMetadata, type TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata("Which point became which");

/**
 * The drafts side by side, in the manner of a multi-column document: a row per point of the earliest
 * draft chosen, what became of it in each later one and the point(s) it became; deletions say so,
 * and later points no link reaches are rows of their own. A point with no link on file has an
 * unknown fate, never "deleted"; a point nobody saw says "never seen".
 */
export default async function DraftsPage({ params, searchParams }: TNegotiationPageProps) {
  const { slug } = await params;
  const raw = await searchParams;
  const view = await getLineageView(slug, raw);
  if (!view) notFound();
  const { negotiation, chosen, rows, lineage } = view;
  const asOf = view.params.asOf;
  const name = (draft: string) => lineage.drafts.find((d) => d.slug === draft)?.name ?? draft;
  const [first, ...later] = chosen;
  const issueValue = view.params.issues?.join(",") ?? "";
  const exportQuery = {
    ...lineageFilters(view, raw),
    ...(view.params.issues ? { issues: issueValue } : {}),
    ...(asOf ? { asOf } : {}),
  };
  return (
    <>
      <NegotiationHeader negotiation={negotiation} current="drafts" query="" asOf={asOf} />
      <h2>Which point became which</h2>
      <Notices notices={view.notices} />
      <p>
        Each row is a point of the earliest draft chosen, what became of it in each later draft (kept, modified, renumbered, split, merged
        or deleted) and the point it became. A point with no link on file has an unknown fate: it is not counted as deleted. A point whose
        wording nobody could see is shown as <em>never seen</em>, not reconstructed. Every change says whether the press stated it or it
        comes from our comparison of two cited texts.
      </p>
      {lineage.drafts.length < 2 ? (
        <p className="notice" data-testid="no-drafts">
          {lineage.drafts.length === 0
            ? "No draft's points are on record for this negotiation"
            : "Only one draft's points are on record for this negotiation"}
          {asOf ? ` as of ${formatDate(asOf)}` : ""}, so there is nothing to compare.
        </p>
      ) : (
        <>
          <form method="get" className="drafts-form" aria-label="Choose the drafts">
            <span>
              <label htmlFor="drafts-from">From</label>{" "}
              <DraftSelect id="drafts-from" name="from" value={first?.slug ?? ""} drafts={lineage.drafts} />
            </span>{" "}
            <span>
              <label htmlFor="drafts-to">to</label>{" "}
              <DraftSelect id="drafts-to" name="to" value={later[0]?.slug ?? ""} drafts={lineage.drafts} />
            </span>{" "}
            <span>
              <label htmlFor="drafts-then">and</label>{" "}
              <DraftSelect id="drafts-then" name="to" value={later[1]?.slug ?? ""} drafts={lineage.drafts} none="(no third draft)" />
            </span>{" "}
            <span>
              <label htmlFor="drafts-issue">Issue</label>{" "}
              <select id="drafts-issue" name="issues" defaultValue={issueValue}>
                <option value="">All issues</option>
                {view.params.issues && view.params.issues.length > 1 && (
                  <option value={issueValue}>{view.params.issues.length} issues</option>
                )}
                {view.issues.map((i) => (
                  <option key={i.slug} value={i.slug}>
                    {i.name}
                  </option>
                ))}
              </select>
            </span>
            {asOf && <input type="hidden" name="asOf" value={asOf} />} <button type="submit">Compare</button>
          </form>
          <ul className="coverage" data-testid="coverage">
            {chosen.map((d) => (
              <li key={d.slug} data-draft={d.slug}>
                <strong>{d.name}</strong> ({d.date}): {describeCoverage(d)}.{" "}
                {d.fullText ? "A full text was published in the press." : "No full text was published."}
              </li>
            ))}
          </ul>
          {rows.length === 0 ? (
            <p data-testid="no-points">No point of these drafts concerns the issues chosen.</p>
          ) : (
            <ScrollRegion label="The drafts' points side by side">
              <table className="lineage-table" data-testid="lineage-table">
                <caption className="visually-hidden">
                  What became of each point of {first?.name} in {later.map((d) => d.name).join(" and ")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{first?.name}</th>
                    {later.map((d) => [
                      <th scope="col" key={`${d.slug}-change`}>
                        What happened in {d.name}
                      </th>,
                      <th scope="col" key={d.slug}>
                        {d.name}
                      </th>,
                    ])}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => (
                    <tr key={index} data-testid="lineage-row" data-point={row.point?.number ?? ""}>
                      <th scope="row">
                        {row.point && first ? (
                          <PointRef slug={slug} draft={first.slug} point={row.point} asOf={asOf} />
                        ) : (
                          <span className="meta">No earlier point on file</span>
                        )}
                      </th>
                      {row.later.map((column) => [
                        <td key={`${column.draft}-change`}>
                          {column.steps.length > 0 ? (
                            column.steps.map((step, at) => <ChangeWords key={at} link={step.link} via={step.via ? name(step.via) : null} />)
                          ) : row.point === null && column.points.length > 0 ? (
                            <span className="meta">Origin not on file (no link reaches it)</span>
                          ) : column.points.length === 0 ? (
                            <span className="meta" data-testid="no-link">
                              No link on file: fate unknown
                            </span>
                          ) : null}
                        </td>,
                        <td key={column.draft}>
                          {column.points.length > 0 ? (
                            <ul className="plain">
                              {column.points.map((p) => (
                                <li key={p.number}>
                                  <PointRef slug={slug} draft={column.draft} point={p} asOf={asOf} />
                                </li>
                              ))}
                            </ul>
                          ) : column.steps.some((s) => s.link.change === "deleted") ? (
                            <span>— no successor</span>
                          ) : (
                            <span className="visually-hidden">none</span>
                          )}
                        </td>,
                      ])}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </>
      )}
      <p className="meta">
        Export: <Link href={href("lineageCsv", { slug }, exportQuery)}>CSV (one row per link)</Link> ·{" "}
        <Link href={href("apiLineage", { slug }, exportQuery)}>JSON</Link>
      </p>
    </>
  );
}

function DraftSelect(props: { id: string; name: string; value: string; drafts: readonly { slug: string; name: string }[]; none?: string }) {
  return (
    <select id={props.id} name={props.name} defaultValue={props.value}>
      {props.none && <option value="">{props.none}</option>}
      {props.drafts.map((d) => (
        <option key={d.slug} value={d.slug}>
          {d.name}
        </option>
      ))}
    </select>
  );
}

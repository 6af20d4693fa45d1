import Link from "next/link";
import { notFound } from "next/navigation";
import { NegotiationHeader } from "@/components/negotiation-header";
import { Notices } from "@/components/notices";
import { NumberedSources } from "@/components/numbered-sources";
import { ScoreMark } from "@/components/score-mark";
import { STATUS_LABELS } from "@/lib/domain/words";
import { formatDate, formatDateText } from "@/lib/domain/format";
import { cellHref, href } from "@/lib/params/urls";
import { toMatrixSearchParams, toQueryString } from "@/lib/params/matrix-params";
import { getChangesView, PAGE_CHANGES, type TChange, type TChangeState } from "@/lib/read/changes-view";
import { sourceHref } from "@/lib/params/urls";
import { negotiationMetadata, type TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata("What changed");

function State({ state }: { state: TChangeState | null }) {
  if (!state) return <span className="missing">No version yet</span>;
  return (
    <>
      <ScoreMark score={state.score} /> {state.label}{" "}
      <span className="meta">
        ({STATUS_LABELS[state.status]}, {formatDateText(state.asOf)})
      </span>
    </>
  );
}

/**
 * What changed between two days: every cell of the view whose score, status or label differs, old
 * → new, in the issue's own words, with the new version's sources and its event. The same cells
 * as the CSV and JSON linked below.
 */
export default async function ChangesPage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const view = await getChangesView(slug, raw, PAGE_CHANGES);
  if (!view) notFound();
  const { negotiation, from, to, changes, total } = view;
  const search = toMatrixSearchParams({ ...view.filters, asOf: null, page: 1 });
  search.set("from", from);
  search.set("to", to);
  const query = toQueryString(search);
  const hidden = [...toMatrixSearchParams({ ...view.filters, asOf: null, page: 1 }).entries()];
  const { shifts } = view;
  return (
    <>
      <NegotiationHeader negotiation={negotiation} current="changes" query="" />
      <h2>What changed</h2>
      <Notices notices={view.notices} />
      <form method="get" action={href("changes", { slug })} className="as-of-form">
        {hidden.map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <label>
          From <input type="date" name="from" defaultValue={from} max={negotiation.asOf} />
        </label>
        <label>
          to <input type="date" name="to" defaultValue={to} max={negotiation.asOf} />
        </label>
        <button type="submit">Show changes</button>
      </form>
      <p data-testid="changes-summary" role="status">
        Between {formatDate(from)} and {formatDate(to)}, {total} cell{total === 1 ? "" : "s"} changed in score, status or label: {shifts}{" "}
        {shifts === 1 ? "shift" : "shifts"} of an existing position and {total - shifts} newly recorded (a new document or a first
        statement). Compare the <Link href={href("matrix", { slug }, { asOf: from })}>matrix on {formatDate(from)}</Link> with the{" "}
        <Link href={href("matrix", { slug }, { asOf: to })}>matrix on {formatDate(to)}</Link>.
      </p>
      <nav className="exports" aria-label="Export these changes">
        <span>Export these changes:</span>
        <a href={href("changesCsv", { slug }, query)} download data-testid="changes-csv">
          CSV
        </a>
        <a href={href("apiChanges", { slug }, query)} data-testid="changes-json">
          JSON
        </a>
      </nav>
      <ChangesTable
        slug={slug}
        from={from}
        to={to}
        changes={changes.filter((c) => c.before !== null)}
        title="Shifts of positions held on both days"
      />
      <ChangesTable
        slug={slug}
        from={from}
        to={to}
        changes={changes.filter((c) => c.before === null)}
        title="Newly recorded: a document published or a first statement in between"
      />
    </>
  );
}

function ChangesTable(props: { slug: string; from: string; to: string; changes: TChange[]; title: string }) {
  const { slug, from, to, changes, title } = props;
  if (changes.length === 0) return null;
  return (
    <section>
      <h3>
        {title} ({changes.length})
      </h3>
      <div className="table-scroll">
        <table className="changes-table" data-testid="changes">
          <caption className="visually-hidden">
            {title}, between {formatDate(from)} and {formatDate(to)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Cell</th>
              <th scope="col">Before ({formatDate(from)})</th>
              <th scope="col">After ({formatDate(to)})</th>
              <th scope="col">Change</th>
              <th scope="col">Occasion and sources</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.issue.slug}|${c.party.slug}`} data-testid="change" data-issue={c.issue.slug} data-party={c.party.slug}>
                <th scope="row">
                  <Link href={cellHref(slug, c.issue.slug, c.party.slug, to)}>
                    {c.party.name} on {c.issue.name}
                  </Link>
                </th>
                <td>
                  <State state={c.before} />
                </td>
                <td>
                  <State state={c.after} />
                </td>
                <td data-testid="change-words">{c.change}</td>
                <td>
                  {c.after.event && (
                    <p>
                      <Link href={href("timeline", { slug }, undefined, c.after.event.slug ? `event-${c.after.event.slug}` : undefined)}>
                        {c.after.event.title}
                      </Link>{" "}
                      ({formatDate(c.after.event.date)})
                    </p>
                  )}
                  <NumberedSources sources={c.after.sources} hrefOf={(number) => sourceHref(slug, number)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

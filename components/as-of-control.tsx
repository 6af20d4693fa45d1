import Link from "next/link";
import { formatDate } from "@/lib/format";
import { toMatrixSearchParams, toQueryString, type TMatrixParams } from "@/lib/matrix-params";

export type TTick = { date: string; title: string };

/** Days from the epoch, for placing a date on the track. */
function dayNumber(date: string): number {
  const [year = "1970", month = "01", day = "01"] = date.split("-");
  return Date.UTC(Number(year), Number(month) - 1, Number(day)) / 86_400_000;
}

/**
 * The matrix's date control: the negotiation's events as ticks on a time track, each a link to the
 * matrix as it stood that day (keyboard: Tab moves between ticks), and a date field for any other
 * day. Everything is in the URL, so it works without JavaScript and every date has an address.
 */
export function AsOfControl(props: { basePath: string; params: TMatrixParams; ticks: TTick[]; latest: string }) {
  const { basePath, params, ticks, latest } = props;
  const days = ticks.map((t) => t.date).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  if (days.length === 0) return null;
  const first = dayNumber(days[0]!);
  const span = Math.max(1, dayNumber(latest) - first);
  const hrefFor = (asOf: string | null) => `${basePath}${toQueryString(toMatrixSearchParams({ ...params, asOf, page: 1 }))}`;
  const hidden = [...toMatrixSearchParams({ ...params, asOf: null, page: 1 }).entries()];
  return (
    <section className="as-of-control" aria-labelledby="as-of-heading">
      <h2 id="as-of-heading">Positions over time</h2>
      <ol className="timeline-ticks" aria-label="Events: show the matrix as it stood on the day of each">
        {ticks
          .filter((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.date))
          .map((tick, index) => {
            const left = ((dayNumber(tick.date) - first) / span) * 100;
            const label = `${formatDate(tick.date)}: ${tick.title}`;
            return (
              <li key={`${tick.date}-${index}`} style={{ left: `${left.toFixed(2)}%` }}>
                <Link href={hrefFor(tick.date)} title={label} aria-current={params.asOf === tick.date ? "date" : undefined}>
                  <span className="visually-hidden">{label}</span>
                </Link>
              </li>
            );
          })}
      </ol>
      <p className="timeline-ends" aria-hidden="true">
        <span>{formatDate(days[0]!)}</span>
        <span>{formatDate(latest)}</span>
      </p>
      <form method="get" action={basePath} className="as-of-form">
        {hidden.map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <label>
          Show as of <input type="date" name="asOf" defaultValue={params.asOf ?? ""} min={days[0]} max={latest} />
        </label>
        <button type="submit">Show</button>
        {params.asOf && <Link href={hrefFor(null)}>Latest data</Link>}
      </form>
    </section>
  );
}

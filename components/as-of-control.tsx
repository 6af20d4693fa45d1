import Link from "next/link";
import { formatDate } from "@/lib/domain/format";
import { toMatrixSearchParams, toQueryString, type TMatrixParams } from "@/lib/params/matrix-params";

export type TTick = { date: string; title: string };

/** Days from the epoch, for placing a date on the track. */
function dayNumber(date: string): number {
  const [year = "1970", month = "01", day = "01"] = date.split("-");
  return Date.UTC(Number(year), Number(month) - 1, Number(day)) / 86_400_000;
}

const isDay = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);

/**
 * The matrix's date control. A track draws the negotiation's events as ticks, with the day shown
 * marked; the controls are links to the previous and next event, a list of the events to jump
 * to, and a date field for any other day. Everything goes through the URL (`asOf`), so it works by
 * keyboard and without JavaScript, and every date has an address. (The ticks themselves are not
 * links: events days apart would be targets too small and too close to hit.)
 */
export function AsOfControl(props: { basePath: string; params: TMatrixParams; ticks: TTick[]; latest: string }) {
  const { basePath, params, ticks: all, latest } = props;
  const ticks = all.filter((t) => isDay(t.date));
  if (ticks.length === 0) return null;
  const first = dayNumber(ticks[0]!.date);
  const span = Math.max(1, dayNumber(latest) - first);
  const at = (date: string) => `${(((dayNumber(date) - first) / span) * 100).toFixed(2)}%`;
  const hrefFor = (asOf: string | null) => `${basePath}${toQueryString(toMatrixSearchParams({ ...params, asOf, page: 1 }))}`;
  const hidden = [...toMatrixSearchParams({ ...params, asOf: null, page: 1 }).entries()];
  const shown = params.asOf ?? latest;
  const previous = ticks.findLast((t) => t.date < shown);
  const next = ticks.find((t) => t.date > shown);
  const days = [...new Map(ticks.map((t) => [t.date, ticks.filter((u) => u.date === t.date).map((u) => u.title)])).entries()];
  return (
    <section className="as-of-control" aria-labelledby="as-of-heading">
      <h2 id="as-of-heading">Positions over time</h2>
      <div className="timeline-track" aria-hidden="true">
        {days.map(([date]) => (
          <span key={date} className="tick" style={{ left: at(date) }} />
        ))}
        <span className="tick-shown" style={{ left: at(shown) }} />
      </div>
      <p className="timeline-ends" aria-hidden="true">
        <span>{formatDate(ticks[0]!.date)}</span>
        <span>{formatDate(latest)}</span>
      </p>
      <nav className="as-of-steps" aria-label="Step through the events">
        {previous ? (
          <Link href={hrefFor(previous.date)} rel="prev" data-testid="as-of-previous">
            ← {formatDate(previous.date)}: {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={hrefFor(next.date)} rel="next" data-testid="as-of-next">
            {formatDate(next.date)}: {next.title} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
      <form method="get" action={basePath} className="as-of-form">
        {hidden.map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <label htmlFor="as-of-event">Event</label>
        <select id="as-of-event" name="asOf" defaultValue={days.some(([d]) => d === params.asOf) ? params.asOf! : ""}>
          <option value="">Latest data ({formatDate(latest)})</option>
          {days.map(([date, titles]) => (
            <option key={date} value={date}>
              {formatDate(date)}: {titles.join("; ").slice(0, 60)}
            </option>
          ))}
        </select>
        <button type="submit">Show</button>
      </form>
      <form method="get" action={basePath} className="as-of-form">
        {hidden.map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <label htmlFor="as-of-day">Any day</label>
        <input id="as-of-day" type="date" name="asOf" defaultValue={params.asOf ?? ""} min={ticks[0]!.date} max={latest} />
        <button type="submit">Show</button>
        {params.asOf && <Link href={hrefFor(null)}>Latest data</Link>}
      </form>
    </section>
  );
}

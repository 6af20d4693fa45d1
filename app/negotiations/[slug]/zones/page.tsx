import Link from "next/link";
import { notFound } from "next/navigation";
import { NegotiationHeader } from "@/components/negotiation-header";
import { Notices } from "@/components/notices";
import { StepLabel } from "@/components/position-scale";
import { ScrollRegion } from "@/components/scroll-region";
import { SourceLinks } from "@/components/source-links";
import { countBases, describeGap, describeZones } from "@/lib/analysis/zones";
import { formatDate, formatScore } from "@/lib/domain/format";
import { toAsOfQuery } from "@/lib/params/matrix-params";
import { href } from "@/lib/params/urls";
import { getZonesView, type TDealLine } from "@/lib/read/deal-view";
import { BASIS_WORDS } from "@/lib/redlines/line";
import { negotiationMetadata, type TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata("Red lines and zones of agreement");

const STEPS = [-2, -1, 0, 1, 2];
const MARK = { stated: "■", reported: "▨", estimated: "◌" } as const;

/**
 * Where a deal could land: per issue, each chosen party's red line on the issue's ladder of
 * options, and the steps all of them accept, or the words "No overlap" with the gap and the two
 * parties that bind it. Never a midpoint or a suggested compromise.
 */
export default async function ZonesPage({ params, searchParams }: TNegotiationPageProps) {
  const { slug } = await params;
  const raw = await searchParams;
  const view = await getZonesView(slug, raw);
  if (!view) notFound();
  const { negotiation, zones, parties } = view;
  const name = (party: string) => parties.find((p) => p.slug === party)?.name ?? party;
  const bases = countBases(zones);
  const query = new URLSearchParams({
    parties: parties.map((p) => p.slug).join(","),
    ...(view.params.asOf ? { asOf: view.params.asOf } : {}),
  });
  return (
    <>
      <NegotiationHeader negotiation={negotiation} current="zones" query="" asOf={view.params.asOf} />
      <h2>Red lines and where they meet</h2>
      <Notices notices={view.notices} />
      <p>
        A red line is the span of steps on an issue&apos;s scale that a party has said it can accept; for a document, the steps its text
        adopts. It is <strong>stated</strong> (on the record, quoted) or <strong>reported</strong> (unnamed officials, a leaked text); an
        analyst&apos;s <strong>estimate</strong> is marked as such wherever it appears. Stated red lines are signals, not a party&apos;s
        true limits. Where the spans do not meet this page says so, and it never suggests a midpoint.
      </p>
      <form method="get" className="zone-parties" aria-label="Choose the parties">
        <fieldset>
          <legend>Parties compared (by default the actors)</legend>
          {view.allParties.map((p) => (
            <label key={p.slug}>
              <input type="checkbox" name="parties" value={p.slug} defaultChecked={parties.some((q) => q.slug === p.slug)} /> {p.name}
            </label>
          ))}
        </fieldset>
        {view.params.asOf && <input type="hidden" name="asOf" value={view.params.asOf} />}
        <button type="submit">Compare these parties</button>
      </form>
      {!view.hasLines ? (
        <p className="notice" data-testid="no-red-lines">
          No red lines are on record for this negotiation: its research gives no party&apos;s acceptable span, so no zone can be drawn.
        </p>
      ) : (
        <>
          <p data-testid="zones-summary">
            <strong>{describeZones(zones)}</strong>
          </p>
          <p className="meta" data-testid="zones-bases">
            Spans shown: {bases.stated} stated ({MARK.stated}), {bases.reported} reported ({MARK.reported}), {bases.estimated} estimated (
            {MARK.estimated}).
          </p>
          {zones.map((zone, index) => {
            const issue = view.issues[index]!;
            return (
              <section key={zone.issue} className="zone" data-testid="zone" data-issue={zone.issue} aria-labelledby={`zone-${zone.issue}`}>
                <h3 id={`zone-${zone.issue}`}>
                  <Link href={href("issue", { slug, issue: zone.issue }, toAsOfQuery(view.params.asOf))}>{issue.name}</Link>
                </h3>
                <p data-testid="zone-verdict">
                  {zone.overlap ? (
                    <>
                      Overlap: steps {formatScore(zone.overlap.min)} to {formatScore(zone.overlap.max)} are acceptable to every party shown.
                    </>
                  ) : zone.gap ? (
                    <>
                      <strong>No overlap.</strong> {describeGap(zone.gap, zone.lines, name)}
                    </>
                  ) : (
                    <>Cannot be assessed: no red line on record for {zone.unknown.map(name).join(", ")}.</>
                  )}
                </p>
                <ScrollRegion label={`Red lines on ${issue.name}`}>
                  <table className="zone-table">
                    <caption className="visually-hidden">Each party&apos;s acceptable steps on {issue.name}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Party</th>
                        {STEPS.map((step) => (
                          <th scope="col" key={step}>
                            {formatScore(step)}{" "}
                            <span className="zone-step">
                              <StepLabel step={issue.steps[step + 2] ?? { score: step, label: null, interpolated: false }} />
                            </span>
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {parties.map((p) => {
                        const line = zone.lines.find((l) => l.party === p.slug);
                        return (
                          <tr key={p.slug}>
                            <th scope="row">{p.name}</th>
                            {line ? (
                              STEPS.map((step) => <SpanCell key={step} line={line} step={step} />)
                            ) : (
                              <td colSpan={5} className="zone-none">
                                No red line on record
                              </td>
                            )}
                          </tr>
                        );
                      })}
                      <tr className="zone-overlap">
                        <th scope="row">All of them</th>
                        {STEPS.map((step) => {
                          const inside = zone.overlap !== null && step >= zone.overlap.min && step <= zone.overlap.max;
                          return (
                            <td key={step} className={inside ? "zone-in" : undefined}>
                              {inside ? "✓ overlap" : <span className="visually-hidden">no</span>}
                            </td>
                          );
                        })}
                      </tr>
                    </tbody>
                  </table>
                </ScrollRegion>
                <details>
                  <summary>The red lines, their words and sources</summary>
                  <ul className="zone-lines">
                    {zone.lines.map((line) => (
                      <LineDetails key={line.party} line={line} name={name(line.party)} />
                    ))}
                  </ul>
                </details>
              </section>
            );
          })}
        </>
      )}
      <p className="meta">
        Export: <Link href={href("zonesCsv", { slug }, query)}>CSV</Link> · <Link href={href("apiZones", { slug }, query)}>JSON</Link>
      </p>
    </>
  );
}

function SpanCell({ line, step }: { line: TDealLine; step: number }) {
  const inside = step >= line.min && step <= line.max;
  return (
    <td className={inside ? `zone-in zone-${line.basis}` : undefined}>
      {inside ? (
        <>
          <span aria-hidden="true">{MARK[line.basis]}</span> <span className="zone-basis">accepts ({line.basis})</span>
        </>
      ) : (
        <span className="visually-hidden">rules out</span>
      )}
    </td>
  );
}

function LineDetails({ line, name }: { line: TDealLine; name: string }) {
  return (
    <li data-testid="red-line" data-party={line.party}>
      <p>
        <strong>{name}</strong>: {formatScore(line.min)} to {formatScore(line.max)}, {BASIS_WORDS[line.basis]};{" "}
        {line.validFrom ? `since ${formatDate(line.validFrom)}${line.isApproximate ? " (approximately)" : ""}` : "start date not on file"}.
      </p>
      {line.quote && <blockquote>“{line.quote}”</blockquote>}
      {line.notes && <p className="meta">{line.notes}</p>}
      <SourceLinks sources={line.sources} />
    </li>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { NegotiationHeader } from "@/components/negotiation-header";
import { Notices } from "@/components/notices";
import { PackageReadings } from "@/components/package-readings";
import { ScrollRegion } from "@/components/scroll-region";
import { CLOSENESS_FORMULA, PACKAGE_WEIGHTS } from "@/lib/analysis/package";
import { formatScore } from "@/lib/domain/format";
import { href } from "@/lib/params/urls";
import { getPackageView, packageQuery } from "@/lib/read/deal-view";
import { negotiationMetadata, type TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";

export const dynamic = "force-dynamic";

export const generateMetadata = negotiationMetadata("Package builder");

const STEPS = [-2, -1, 0, 1, 2];
const closeness = (c: number | null) => (c === null ? "—" : c.toFixed(2));
/** A closeness at one end of the ranges, said to be changed (in words, not colour) when it differs from the preferred readings'. */
const closenessAtEnd = (preferred: number | null, atEnd: number | null) =>
  closeness(atEnd) === closeness(preferred) ? `${closeness(atEnd)} (same)` : `${closeness(atEnd)} (changed)`;

/**
 * A compromise package scored against every party: the user picks one step per issue and a
 * weight; the page gives each party's closeness with its per-issue breakdown, the red lines the
 * package breaches (apart, never netted), each document as a package of its own, and the single
 * swaps that help some party and hurt none. The URL is the state; the result needs no JavaScript.
 */
export default async function PackagePage({ params, searchParams }: TNegotiationPageProps) {
  const { slug } = await params;
  const raw = await searchParams;
  const view = await getPackageView(slug, raw);
  if (!view) notFound();
  const { negotiation, items, scores, improvements, parties, issues } = view;
  const name = (party: string) => parties.find((p) => p.slug === party)?.name ?? party;
  const issueName = (issue: string) => issues.find((i) => i.slug === issue)?.name ?? issue;
  const chosen = new Map(items.map((i) => [i.issue, i]));
  const asOf = view.params.asOf ? { asOf: view.params.asOf } : {};
  const query = { ...packageQuery(items), ...asOf };
  const documents = parties.filter((p) => p.kind === "document");
  return (
    <>
      <NegotiationHeader negotiation={negotiation} current="package" query="" asOf={view.params.asOf} />
      <h2>Build a package and score it against every party</h2>
      <Notices notices={view.notices} />
      <p>
        Pick one step per issue (an issue left out is not in the package) and, if you like, a weight. Each party&apos;s{" "}
        <strong>closeness</strong> is <code>{CLOSENESS_FORMULA}</code>, with weights wᵢ of 0.5, 1 or 2 (default 1): 1 means the package
        matches every known position of the party, 0 that it sits at the opposite end on each. Closeness to a coded position is a proxy, not
        a party&apos;s real preference. The red lines a package breaches are listed apart and never netted against closeness.
      </p>
      {view.documentPackages.length > 0 && (
        <p>
          Start from a document&apos;s own package:{" "}
          {view.documentPackages.map((d, index) => (
            <span key={d.party}>
              {index > 0 && " · "}
              <Link href={href("package", { slug }, { ...packageQuery(d.items), ...asOf })}>{name(d.party)}</Link>
            </span>
          ))}
        </p>
      )}
      <form method="get" className="package-form" aria-label="The package">
        {view.params.asOf && <input type="hidden" name="asOf" value={view.params.asOf} />}
        <ScrollRegion label="A step and a weight for each issue">
          <table className="package-table">
            <caption className="visually-hidden">A step and a weight for each issue</caption>
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col">Step</th>
                <th scope="col">Weight</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue) => (
                <tr key={issue.slug}>
                  <th scope="row">
                    <label htmlFor={`step-${issue.slug}`}>{issue.name}</label>
                  </th>
                  <td>
                    <select
                      id={`step-${issue.slug}`}
                      name={`step-${issue.slug}`}
                      defaultValue={chosen.get(issue.slug)?.step.toString() ?? ""}
                    >
                      <option value="">Not in the package</option>
                      {STEPS.map((step) => {
                        const label = issue.steps[step + 2];
                        return (
                          <option key={step} value={step}>
                            {formatScore(step)}
                            {label?.label ? `: ${label.label}${label.interpolated ? " (interpolated)" : ""}` : ""}
                          </option>
                        );
                      })}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`Weight of ${issue.name}`}
                      name={`weight-${issue.slug}`}
                      defaultValue={String(chosen.get(issue.slug)?.weight ?? 1)}
                    >
                      {PACKAGE_WEIGHTS.map((w) => (
                        <option key={w} value={w}>
                          {w}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <button type="submit">Score this package</button>
      </form>
      {items.length === 0 ? (
        <p className="meta" data-testid="package-empty">
          The package is empty: pick a step for at least one issue.
        </p>
      ) : (
        <>
          <h3>How close the package is to each party</h3>
          <p className="meta">
            The package:{" "}
            {items.map((i) => `${issueName(i.issue)} ${formatScore(i.step)}${i.weight !== 1 ? ` (weight ${i.weight})` : ""}`).join("; ")}.
          </p>
          <PackageReadings
            contested={view.contested}
            atEnds={view.atEnds !== null}
            toggleHref={href(
              "package",
              { slug: negotiation.slug },
              {
                ...query,
                ...(view.params.parties ? { parties: view.params.parties.join(",") } : {}),
                ...(view.atEnds ? {} : { readings: "range" }),
              },
            )}
          />
          {documents.length > 0 && (
            <ul data-testid="document-closeness">
              {documents.map((d) => {
                const score = scores.find((s) => s.party === d.slug)!;
                return (
                  <li key={d.slug}>
                    {score.closeness === null
                      ? `${d.name}: no known position on the package's issues.`
                      : `Your package is ${closeness(score.closeness)} close to ${d.name} (over ${score.breakdown.length} of ${items.length} issues).`}
                  </li>
                );
              })}
            </ul>
          )}
          <ScrollRegion label="Closeness by party">
            <table className="package-scores" data-testid="package-scores">
              <thead>
                <tr>
                  <th scope="col">Party</th>
                  <th scope="col">Closeness</th>
                  {view.atEnds && (
                    <>
                      <th scope="col">At the low ends</th>
                      <th scope="col">At the high ends</th>
                    </>
                  )}
                  <th scope="col">Issues with a known position</th>
                  <th scope="col">Red lines breached</th>
                </tr>
              </thead>
              <tbody>
                {scores.map((s, k) => (
                  <tr key={s.party} data-party={s.party}>
                    <th scope="row">{name(s.party)}</th>
                    <td>{closeness(s.closeness)}</td>
                    {view.atEnds && (
                      <>
                        <td data-testid="closeness-low">{closenessAtEnd(s.closeness, view.atEnds.low[k]!)}</td>
                        <td data-testid="closeness-high">{closenessAtEnd(s.closeness, view.atEnds.high[k]!)}</td>
                      </>
                    )}
                    <td>
                      {s.breakdown.length} of {items.length}
                    </td>
                    <td>
                      {s.breaches.length === 0
                        ? "none on record"
                        : s.breaches
                            .map(
                              (b) =>
                                `${issueName(b.issue)}: ${formatScore(b.step)} is outside ${formatScore(b.min)} to ${formatScore(b.max)} (${b.basis})`,
                            )
                            .join("; ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <details>
            <summary>Each party&apos;s breakdown by issue (the contributions sum to its closeness)</summary>
            {scores
              .filter((s) => s.breakdown.length > 0)
              .map((s) => (
                <table key={s.party} className="package-breakdown">
                  <caption>
                    {name(s.party)}: {closeness(s.closeness)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Issue</th>
                      <th scope="col">Package</th>
                      <th scope="col">Party</th>
                      <th scope="col">Contribution</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.breakdown.map((b) => (
                      <tr key={b.issue}>
                        <th scope="row">{issueName(b.issue)}</th>
                        <td>{formatScore(chosen.get(b.issue)!.step)}</td>
                        <td>{formatScore(b.score)}</td>
                        <td>{b.contribution.toFixed(3)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
          </details>
          <h3>Single swaps that help some party and hurt none</h3>
          {improvements.length === 0 ? (
            <p data-testid="improvements">
              No single change of one issue&apos;s step raises any party&apos;s closeness without lowering another&apos;s.
            </p>
          ) : (
            <ul data-testid="improvements">
              {improvements.map((m) => (
                <li key={`${m.issue}:${m.to}`}>
                  <Link
                    href={href(
                      "package",
                      { slug },
                      { ...packageQuery(items.map((i) => (i.issue === m.issue ? { ...i, step: m.to } : i))), ...asOf },
                    )}
                  >
                    {issueName(m.issue)} from {formatScore(m.from)} to {formatScore(m.to)}
                  </Link>
                  : closer to {m.helps.map(name).join(", ")}; no party further.
                </li>
              ))}
            </ul>
          )}
          <p className="meta">
            Export: <Link href={href("packageCsv", { slug }, query)}>CSV</Link> ·{" "}
            <Link href={href("apiPackage", { slug }, query)}>JSON</Link>
          </p>
        </>
      )}
    </>
  );
}

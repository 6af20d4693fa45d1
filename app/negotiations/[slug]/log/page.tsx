import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NegotiationHeader } from "@/components/negotiation-header";
import { Notices } from "@/components/notices";
import { WordDiff } from "@/components/word-diff";
import { cellHref, href } from "@/lib/params/urls";
import { getChangeLog, type TLogFilters } from "@/lib/read/change-log";
import type { TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: TNegotiationPageProps): Promise<Metadata> {
  const { slug } = await params;
  return {
    title: "Change log",
    alternates: { types: { "application/atom+xml": [{ url: href("logAtom", { slug }), title: "Change log (Atom)" }] } },
  };
}

const when = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

function filterQuery(filters: TLogFilters, before: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  search.set("before", String(before));
  return `?${search.toString()}`;
}

/**
 * Every version recorded in the negotiation, newest first: who entered it (display name), when, why,
 * and what it changed against the cell's version before it. Filterable by cell, editor and date.
 */
export default async function LogPage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const log = await getChangeLog(slug, raw);
  if (!log) notFound();
  const { negotiation, filters, entries, options } = log;
  return (
    <>
      <NegotiationHeader negotiation={negotiation} current="log" query="" />
      <h2>Change log</h2>
      <p>
        Every version of every cell, as it was recorded, newest first. Versions written by a dossier import carry no editor.{" "}
        <a href={href("logAtom", { slug })} type="application/atom+xml">
          Follow this log (Atom feed)
        </a>
      </p>
      <Notices notices={log.notices} />
      <form method="get" action={href("log", { slug })} className="log-filters">
        <label>
          Issue{" "}
          <select name="issue" defaultValue={filters.issue ?? ""}>
            <option value="">All issues</option>
            {options.issues.map((i) => (
              <option key={i.slug} value={i.slug}>
                {i.name}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Party{" "}
          <select name="party" defaultValue={filters.party ?? ""}>
            <option value="">All parties</option>
            {options.parties.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Editor{" "}
          <select name="editor" defaultValue={filters.editor ?? ""}>
            <option value="">All editors</option>
            {options.editors.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Recorded from <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>{" "}
        <label>
          to <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>{" "}
        <button type="submit">Show</button>
      </form>
      {entries.length === 0 ? <p role="status">No change matches these filters.</p> : null}
      <ol className="log" data-testid="log">
        {entries.map((entry) => (
          <li key={entry.id} data-testid="log-entry" className="card">
            <h3>
              <Link href={`${cellHref(slug, entry.issue.slug, entry.party.slug)}#version-${entry.id}`}>
                {entry.party.name} on {entry.issue.name}
              </Link>
            </h3>
            <p className="meta">
              {entry.first ? "First recorded" : "Changed"} on {when(entry.recordedAt)} by {entry.author ?? "a dossier import"}
              {entry.reason ? <>. Reason: “{entry.reason}”</> : null}.
            </p>
            {entry.changes.length === 0 ? (
              <p>No field changed (a new version with the same content).</p>
            ) : (
              <dl className="log-diff">
                {entry.changes.map((change) => (
                  <div key={change.field}>
                    <dt>{change.name}</dt>
                    <dd>
                      {change.field === "summary" && change.before !== null && change.after !== null ? (
                        <WordDiff from={change.before} to={change.after} />
                      ) : (
                        <>
                          {change.before !== null ? (
                            <>
                              <del>{change.before}</del> →{" "}
                            </>
                          ) : null}
                          {change.after !== null ? <ins>{change.after}</ins> : <span className="missing">(removed)</span>}
                        </>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
      {log.structure.length > 0 ? (
        <>
          <h2>Changes to issues, parties and events</h2>
          <ol className="log" data-testid="structure-log">
            {log.structure.map((entry) => (
              <li key={entry.id} className="card">
                <p>
                  <strong>{entry.action}</strong> {entry.target}, on {when(entry.at)} by {entry.author ?? "an account since removed"}.
                  Reason: “{entry.reason}”.
                </p>
                {entry.detail.after ? (
                  <dl className="log-diff">
                    {Object.entries(entry.detail.after).map(([field, value]) => (
                      <div key={field}>
                        <dt>{field}</dt>
                        <dd>
                          {entry.detail.before && field in entry.detail.before ? (
                            <del>{JSON.stringify(entry.detail.before[field])}</del>
                          ) : null}{" "}
                          <ins>{JSON.stringify(value)}</ins>
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {log.nextBefore !== null ? (
        <p>
          <Link href={href("log", { slug }, filterQuery(filters, log.nextBefore))}>Older changes</Link>
        </p>
      ) : null}
    </>
  );
}

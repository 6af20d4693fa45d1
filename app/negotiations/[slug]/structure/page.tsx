import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { IssueFields, PartyFields, Reason, SourceFields, StructureRows } from "@/components/structure-forms";
import { mayEditSlug } from "@/lib/auth/permissions";
import { href } from "@/lib/params/urls";
import { getStructureView } from "@/lib/read/structure-view";
import { getViewer } from "@/lib/auth/viewer";
import type { TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";
import { structureAction } from "@/app/negotiations/[slug]/structure/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Issues, parties and events", robots: { index: false } };

const MESSAGES: Record<string, string> = {
  "issue.add": "Issue added",
  "issue.update": "Issue changed",
  "issue.move": "Issue moved",
  "party.add": "Party added",
  "party.update": "Party changed",
  "party.move": "Party moved",
  "event.add": "Event added",
  "redline.add": "Red line recorded",
};

/**
 * An editor's page for the negotiation's structure: add, rename and reorder issues and parties
 * (a newly published draft is a new party), and add events. Every change is logged with a reason.
 * New cells start empty ("No data") until an editor or an import gives them a first version.
 */
export default async function StructurePage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const view = await getStructureView(slug);
  if (!view) notFound();
  const { negotiation, issues, parties } = view;
  const viewer = await getViewer();
  if (!viewer) redirect(href("signIn", {}, { next: href("structure", { slug }) }));
  if (!(await mayEditSlug(viewer, slug)))
    return (
      <>
        <h1>Issues, parties and events</h1>
        <p role="alert">You have no rights to edit this negotiation.</p>
      </>
    );
  const act = structureAction.bind(null, slug);
  const done = typeof raw.done === "string" ? raw.done : null;
  const error = typeof raw.error === "string" ? raw.error : null;
  return (
    <>
      <p className="breadcrumbs">
        <Link href={href("matrix", { slug })}>{negotiation.title}</Link>
      </p>
      <h1>Issues, parties and events</h1>
      {done ? (
        <p className="notice" role="status" data-testid="structure-done">
          {MESSAGES[done.split(" ")[0]!] ?? "Done"}: {done.split(" ").slice(1).join(" ")}. It is in the{" "}
          <Link href={href("log", { slug })}>change log</Link>.
        </p>
      ) : null}
      {error ? (
        <div className="notice" role="alert" data-testid="structure-error">
          <p className="notice-title">Nothing was changed:</p>
          <p>{error.slice(0, 2000)}</p>
        </div>
      ) : null}
      <h2>Issues (rows)</h2>
      <StructureRows
        kind="issue"
        rows={issues.map((issue) => ({ slug: issue.slug, name: issue.name, meta: issue.slug, fields: <IssueFields defaults={issue} /> }))}
        act={act}
      />
      <details>
        <summary>Add an issue</summary>
        <form action={act} className="form">
          <input type="hidden" name="action" value="issue.add" />
          <label>
            Slug (lowercase words joined by hyphens; the issue&apos;s address)
            <input name="slug" required maxLength={60} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
          </label>
          <IssueFields />
          <Reason id="reason-issue-new" />
          <button type="submit">Add the issue</button>
        </form>
      </details>
      <h2>Parties (columns)</h2>
      <StructureRows
        kind="party"
        rows={parties.map((party) => ({
          slug: party.slug,
          name: party.name,
          meta: `${party.slug}, ${party.kind}, ${party.date}`,
          fields: <PartyFields defaults={party} />,
        }))}
        act={act}
      />
      <details>
        <summary>Add a party (an actor, or a newly published document)</summary>
        <form action={act} className="form">
          <input type="hidden" name="action" value="party.add" />
          <label>
            Slug (lowercase words joined by hyphens)
            <input name="slug" required maxLength={60} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
          </label>
          <PartyFields />
          <Reason id="reason-party-new" />
          <button type="submit">Add the party</button>
        </form>
      </details>
      <h2>Events</h2>
      <p>
        The dated events are on the <Link href={href("timeline", { slug })}>timeline</Link>. An event needs at least one source.
      </p>
      <details>
        <summary>Add an event</summary>
        <form action={act} className="form">
          <input type="hidden" name="action" value="event.add" />
          <label>
            Date (YYYY-MM-DD, or YYYY-MM)
            <input name="date" required pattern="\d{4}(-\d{2}(-\d{2})?)?" />
          </label>
          <label>
            Title
            <input name="title" required maxLength={200} />
          </label>
          <label>
            Summary
            <textarea name="summary" required maxLength={2000} rows={3} />
          </label>
          <label>
            Slug (optional; versions can name the event by it)
            <input name="slug" maxLength={60} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
          </label>
          <SourceFields required />
          <Reason id="reason-event-new" />
          <button type="submit">Add the event</button>
        </form>
      </details>
      <h2>Red lines</h2>
      <p className="meta">
        A red line is the span of steps a party has said it can accept on an issue (for a document, the steps its text adopts). A line that
        moves gets a new version from the day it moved; the <Link href={href("zones", { slug })}>red-lines page</Link> shows the lines of
        any day. A stated or reported line needs a source; an analyst&apos;s estimate is shown as one everywhere.
      </p>
      <details>
        <summary>Record a red line</summary>
        <form action={act} className="form">
          <input type="hidden" name="action" value="redline.add" />
          <label>
            Issue
            <select name="issue" required>
              {issues.map((i) => (
                <option key={i.slug} value={i.slug}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Party
            <select name="party" required>
              {parties.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          {(["min", "max"] as const).map((end) => (
            <label key={end}>
              {end === "min" ? "Lowest acceptable step" : "Highest acceptable step"}
              <select name={end} required defaultValue={end === "min" ? "-2" : "2"}>
                {[-2, -1, 0, 1, 2].map((step) => (
                  <option key={step} value={step}>
                    {step > 0 ? `+${step}` : step}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label>
            Basis
            <select name="basis" required defaultValue="stated">
              <option value="stated">Stated on the record (quote it)</option>
              <option value="reported">Reported (unnamed officials, a leaked text)</option>
              <option value="estimated">An analyst&apos;s estimate</option>
            </select>
          </label>
          <label>
            Holds from (YYYY-MM-DD)
            <input name="validFrom" required pattern="\d{4}-\d{2}-\d{2}" />
          </label>
          <label>
            Quote (the party&apos;s words)
            <textarea name="quote" maxLength={2000} rows={2} />
          </label>
          <label>
            Notes
            <textarea name="notes" maxLength={4000} rows={2} />
          </label>
          <SourceFields required={false} />
          <Reason id="reason-redline-new" />
          <button type="submit">Record the red line</button>
        </form>
      </details>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ImportUploadForm } from "@/components/import-upload-form";
import { cellHref, href } from "@/lib/params/urls";
import { mayEditSlug } from "@/lib/auth/permissions";
import { MAX_IMPORT_BYTES, previewImport, type TImportRow } from "@/lib/write/imports";
import { getNegotiation } from "@/lib/read/rows";
import { getViewer } from "@/lib/auth/viewer";
import type { TNegotiationPageProps } from "@/app/negotiations/[slug]/page-props";
import { confirmImportAction, uploadImport } from "@/app/negotiations/[slug]/import/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import", robots: { index: false } };

function Changes({ slug, rows }: { slug: string; rows: TImportRow[] }) {
  return (
    <table className="import-changes">
      <caption>What the import would write</caption>
      <thead>
        <tr>
          <th scope="col">Where</th>
          <th scope="col">Cell</th>
          <th scope="col">Change (old → new)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.where} data-testid="import-change">
            <td>{row.where}</td>
            <th scope="row">
              <Link href={cellHref(slug, row.issue, row.party)}>
                {row.issue} × {row.party}
              </Link>{" "}
              ({row.kind})
            </th>
            <td>
              <ul>
                {row.changes.map((c) => (
                  <li key={c.field}>
                    {c.name}: {c.before !== null ? <del>{c.before}</del> : "—"} → {c.after !== null ? <ins>{c.after}</ins> : "(removed)"}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Import a long-layout CSV (the export's own format) or a dossier JSON: upload, look at the preview
 * (added, changed old → new, unchanged, and every invalid row with its line), then confirm; the
 * import is written in one transaction, or not at all.
 */
export default async function ImportPage({ params, searchParams }: TNegotiationPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const viewer = await getViewer();
  if (!viewer) redirect(href("signIn", {}, { next: href("import", { slug }) }));
  if (!(await mayEditSlug(viewer, slug)))
    return (
      <>
        <h1>Import into {negotiation.title}</h1>
        <p role="alert">You have no rights to edit this negotiation.</p>
      </>
    );
  const draftId = typeof raw.draft === "string" ? raw.draft : null;
  const preview = draftId ? await previewImport(draftId, viewer.id) : null;
  return (
    <>
      <p className="breadcrumbs">
        <Link href={href("matrix", { slug })}>{negotiation.title}</Link>
      </p>
      <h1>Import positions</h1>
      {typeof raw.imported === "string" ? (
        <p className="notice" role="status" data-testid="import-done">
          Imported: {raw.imported} cell{raw.imported === "1" ? "" : "s"} got a new version. See the{" "}
          <Link href={href("log", { slug })}>change log</Link>.
        </p>
      ) : null}
      {raw.stale ? (
        <p className="notice" role="alert">
          The negotiation changed after the preview you confirmed, so nothing was written. This is the preview against the data now.
        </p>
      ) : null}
      {draftId && !preview ? (
        <p role="alert">This import is no longer available (it was confirmed, or it is not yours). Upload the file again.</p>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview-title" data-testid="import-preview">
          <h2 id="preview-title">Preview of {preview.draft.fileName}</h2>
          <p role="status">
            {preview.plan.counts.added} cell{preview.plan.counts.added === 1 ? "" : "s"} to add, {preview.plan.counts.changed} to change,{" "}
            {preview.plan.counts.unchanged} left alone; {preview.plan.problems.length} problem
            {preview.plan.problems.length === 1 ? "" : "s"}. Reason: “{preview.draft.reason}”.
          </p>
          {preview.plan.notes.map((note) => (
            <p key={note} className="meta">
              {note}
            </p>
          ))}
          {preview.plan.problems.length > 0 ? (
            <div className="notice" role="alert" data-testid="import-problems">
              <p className="notice-title">Nothing can be imported until every row is valid. Correct the file and upload it again:</p>
              <ul>
                {preview.plan.problems.slice(0, 500).map((p, index) => (
                  <li key={index}>
                    {p.where}: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.plan.rows.some((r) => r.kind !== "unchanged") ? (
            <Changes slug={slug} rows={preview.plan.rows.filter((r) => r.kind !== "unchanged").slice(0, 1000)} />
          ) : (
            <p>The file changes nothing.</p>
          )}
          {preview.plan.problems.length === 0 && preview.plan.rows.some((r) => r.kind !== "unchanged") ? (
            <form action={confirmImportAction.bind(null, slug)}>
              <input type="hidden" name="draft" value={preview.draft.id} />
              <input type="hidden" name="dataVersion" value={preview.draft.dataVersion} />
              <button type="submit">Write these {preview.plan.counts.added + preview.plan.counts.changed} changes</button>
            </form>
          ) : null}
        </section>
      ) : null}
      <h2>Upload a file</h2>
      <p>
        A CSV in the long layout of this site&apos;s export (one row per cell: issue, party, score, status, confidence, label, summary, and
        optionally as_of, quote, notes), or a dossier JSON. At most {MAX_IMPORT_BYTES / 1048576} MB. Nothing is written until you confirm
        the preview.
      </p>
      <ImportUploadForm action={uploadImport.bind(null, slug)} maxBytes={MAX_IMPORT_BYTES} />
    </>
  );
}

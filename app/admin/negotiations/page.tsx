import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { createNegotiationAction } from "@/app/admin/negotiations/actions";
import { href } from "@/lib/params/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New negotiation", robots: { index: false } };

/** Administrators create a negotiation with an empty matrix; its issues and parties are added next. */
export default async function NewNegotiationPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getViewer();
  if (!viewer) redirect(href("signIn", {}, { next: href("adminNegotiations", {}) }));
  const { error } = await props.searchParams;
  if (viewer.role !== "admin")
    return (
      <>
        <h1>New negotiation</h1>
        <p role="alert">Only an administrator can create a negotiation.</p>
      </>
    );
  return (
    <>
      <h1>New negotiation</h1>
      <p className="lede">It starts with an empty matrix: add its issues and parties next, then give each cell its positions.</p>
      {typeof error === "string" ? (
        <div className="notice" role="alert">
          <p className="notice-title">Nothing was created:</p>
          <p>{error.slice(0, 2000)}</p>
        </div>
      ) : null}
      <form action={createNegotiationAction} className="form">
        <label>
          Slug (lowercase words joined by hyphens; its address)
          <input name="slug" required maxLength={60} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
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
          What −2 and +2 mean across the negotiation
          <textarea name="scaleNote" required maxLength={2000} rows={2} />
        </label>
        <button type="submit">Create the negotiation</button>
      </form>
    </>
  );
}

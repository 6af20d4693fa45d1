import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CellEditForm } from "@/components/cell-edit-form";
import { toCellApiJson } from "@/lib/formats/cell-json";
import { cellHref, href } from "@/lib/params/urls";
import { checkEditRight } from "@/lib/auth/permissions";
import { getCellState, listSources } from "@/lib/cells/state";
import { getViewer } from "@/lib/auth/viewer";
import { saveCellEdit } from "@/app/negotiations/[slug]/issues/[issue]/parties/[party]/edit/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit a position", robots: { index: false } };

type TProps = { params: Promise<{ slug: string; issue: string; party: string }> };

/** The editor's form for one cell: every field of its position, its sources, the day it holds from and a reason. */
export default async function EditCellPage({ params }: TProps) {
  const address = await params;
  const state = await getCellState(address);
  if (!state) notFound();
  const here = href("cellEdit", address);
  const viewer = await getViewer();
  if (!viewer) redirect(href("signIn", {}, { next: here }));
  const back = cellHref(address.slug, address.issue, address.party);
  const refusal = await checkEditRight(viewer, state.negotiation.id);
  if (refusal)
    return (
      <>
        <h1>Not yours to edit</h1>
        <p role="alert">
          You are signed in as {viewer.name}. {refusal.message}{" "}
          {viewer.mustChangePassword ? (
            <Link href={href("account", {}, { first: 1 })}>Choose your password</Link>
          ) : (
            <Link href={back}>Back to the position</Link>
          )}
        </p>
      </>
    );
  const bibliography = (await listSources(state.negotiation.id)).map((s, index) => ({
    id: s.id,
    number: index + 1,
    title: s.title,
    publisher: s.publisher,
  }));
  return (
    <>
      <p className="breadcrumbs">
        <Link href={back}>
          {state.party.name} on {state.issue.name}
        </Link>
      </p>
      <h1>
        Edit: {state.party.name} on {state.issue.name}
      </h1>
      <p className="lede">
        Saving records a new version of this cell, with your name, the time and your reason. Earlier versions stay in the cell&apos;s
        history.
      </p>
      <CellEditForm
        cell={toCellApiJson(state)}
        issue={{ lowLabel: state.issue.lowLabel, highLabel: state.issue.highLabel }}
        bibliography={bibliography}
        today={new Date().toISOString().slice(0, 10)}
        cancelHref={back}
        action={saveCellEdit.bind(null, address)}
      />
    </>
  );
}

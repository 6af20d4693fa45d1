import { notFound } from "next/navigation";
import { CellDetails } from "@/components/cell-details";
import { CellDialog } from "@/components/cell-dialog";
import { getCellView } from "@/lib/queries/entity-views";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ slug: string; issue: string; party: string }> };

/** A cell opened from the matrix: the same content as its page, in a dialog over the matrix. */
export default async function CellModal({ params }: TProps) {
  const { slug, issue, party } = await params;
  const view = getCellView(slug, issue, party);
  if (!view) notFound();
  return (
    <CellDialog title={`${view.party.name} on ${view.issue.name}`}>
      <CellDetails view={view} accessed={new Date().toISOString().slice(0, 10)} />
    </CellDialog>
  );
}

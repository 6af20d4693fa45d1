import { notFound } from "next/navigation";
import { CellDetails } from "@/components/cell-details";
import { CellDialog } from "@/components/cell-dialog";
import { Notices } from "@/components/notices";
import { parseAsOf, parseQuery } from "@/lib/params/matrix-params";
import { getCellView } from "@/lib/read/entity-views";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ slug: string; issue: string; party: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A cell opened from the matrix: the same content as its page, in a dialog over the matrix. */
export default async function CellModal({ params, searchParams }: TProps) {
  const [{ slug, issue, party }, raw] = await Promise.all([params, searchParams]);
  const notices: string[] = [];
  const view = await getCellView(slug, issue, party, parseAsOf(raw, notices));
  if (!view) notFound();
  return (
    <CellDialog title={`${view.party.name} on ${view.issue.name}`}>
      <Notices notices={notices} />
      <CellDetails view={view} accessed={new Date().toISOString().slice(0, 10)} query={parseQuery(raw, notices)} />
    </CellDialog>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CellDetails } from "@/components/cell-details";
import { Notices } from "@/components/notices";
import { parseAsOf } from "@/lib/matrix-params";
import { getCellView } from "@/lib/queries/entity-views";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ slug: string; issue: string; party: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { slug, issue, party } = await params;
  const view = getCellView(slug, issue, party);
  return { title: view ? `${view.party.name} on ${view.issue.name}` : "Page not found" };
}

/** The permanent page of one cell (issue × party). */
export default async function CellPage({ params, searchParams }: TProps) {
  const [{ slug, issue, party }, raw] = await Promise.all([params, searchParams]);
  const notices: string[] = [];
  const view = getCellView(slug, issue, party, parseAsOf(raw, notices));
  if (!view) notFound();
  return (
    <>
      <Notices notices={notices} />
      <CellDetails view={view} accessed={new Date().toISOString().slice(0, 10)} />
    </>
  );
}

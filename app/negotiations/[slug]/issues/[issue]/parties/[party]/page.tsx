import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CellDetails } from "@/components/cell-details";
import { getCellView } from "@/lib/queries/entity-views";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ slug: string; issue: string; party: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { slug, issue, party } = await params;
  const view = getCellView(slug, issue, party);
  return { title: view ? `${view.party.name} on ${view.issue.name}` : "Page not found" };
}

/** The permanent page of one cell (issue × party). */
export default async function CellPage({ params }: TProps) {
  const { slug, issue, party } = await params;
  const view = getCellView(slug, issue, party);
  if (!view) notFound();
  return <CellDetails view={view} accessed={new Date().toISOString().slice(0, 10)} />;
}

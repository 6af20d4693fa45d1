import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CellDetails } from "@/components/cell-details";
import { Notices } from "@/components/notices";
import { parseAsOf, parseQuery } from "@/lib/params/matrix-params";
import { getCellView } from "@/lib/read/entity-views";
import { mayEditSlug } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { href } from "@/lib/params/urls";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ slug: string; issue: string; party: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { slug, issue, party } = await params;
  const view = await getCellView(slug, issue, party);
  return { title: view ? `${view.party.name} on ${view.issue.name}` : "Page not found" };
}

/** The permanent page of one cell (issue × party). */
export default async function CellPage({ params, searchParams }: TProps) {
  const [{ slug, issue, party }, raw] = await Promise.all([params, searchParams]);
  const notices: string[] = [];
  const view = await getCellView(slug, issue, party, parseAsOf(raw, notices));
  if (!view) notFound();
  const editable = view.asOf === null && (await mayEditSlug(await getViewer(), slug));
  const saved = typeof raw.saved === "string" && view.history.some((v) => String(v.id) === raw.saved);
  return (
    <>
      <Notices notices={notices} />
      {saved ? (
        <p className="notice" role="status" data-testid="saved">
          Saved as a new version. It is listed last in this cell&apos;s history and in the change log.
        </p>
      ) : null}
      <CellDetails
        view={view}
        query={parseQuery(raw, notices)}
        accessed={new Date().toISOString().slice(0, 10)}
        editHref={editable ? href("cellEdit", { slug, issue, party }) : null}
      />
    </>
  );
}

import type { Metadata } from "next";
import { getNegotiationInfo } from "@/lib/read/matrix-view";

/** What Next passes to every page of a negotiation. */
export type TNegotiationPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A `generateMetadata` for a negotiation's view: "<prefix>: <title>", or a not-found title. */
export function negotiationMetadata(prefix?: string) {
  return async ({ params }: TNegotiationPageProps): Promise<Metadata> => {
    const negotiation = await getNegotiationInfo((await params).slug);
    if (!negotiation) return { title: "Negotiation not found" };
    return { title: prefix ? `${prefix}: ${negotiation.title}` : negotiation.title };
  };
}

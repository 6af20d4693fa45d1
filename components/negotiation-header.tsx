import Link from "next/link";
import type { TNegotiationInfo } from "@/lib/matrix";
import { formatDate } from "@/lib/format";

const TABS = [
  { key: "matrix", label: "Matrix", path: "", keepsFilters: true },
  { key: "charts", label: "Charts", path: "/charts", keepsFilters: true },
  { key: "compare", label: "Compare two parties", path: "/compare", keepsFilters: false },
  { key: "timeline", label: "Timeline", path: "/timeline", keepsFilters: false },
] as const;

export type TTab = (typeof TABS)[number]["key"];

/** The negotiation's title, summary and the tabs between its views; filters carry over between matrix and charts. */
export function NegotiationHeader({ negotiation, current, query }: { negotiation: TNegotiationInfo; current: TTab; query: string }) {
  return (
    <>
      <h1>{negotiation.title}</h1>
      <p className="lede">{negotiation.summary}</p>
      <p className="meta">Data as of {formatDate(negotiation.asOf)}.</p>
      <nav className="tabs" aria-label="Views of this negotiation">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.key}>
              <Link
                href={`/negotiations/${negotiation.slug}${tab.path}${tab.keepsFilters ? query : ""}`}
                aria-current={tab.key === current ? "page" : undefined}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

import Link from "next/link";
import { formatDate } from "@/lib/domain/format";
import { listNegotiations } from "@/lib/read/negotiations";
import { href } from "@/lib/params/urls";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const negotiations = await listNegotiations();
  return (
    <>
      <h1>Negotiations</h1>
      <p className="lede">Each negotiation is a matrix: contested issues as rows, parties and drafts as columns, every cell sourced.</p>
      {negotiations.length === 0 ? (
        <p>No negotiations are loaded yet.</p>
      ) : (
        <ul className="negotiation-list">
          {negotiations.map((n) => (
            <li key={n.slug} className="card">
              <h2>
                <Link href={href("matrix", { slug: n.slug })}>{n.title}</Link>
              </h2>
              <p>{n.summary}</p>
              <p className="meta">
                Data as of {formatDate(n.asOf)} · {n.issueCount} issues · {n.partyCount} parties · {n.positionCount} positions,{" "}
                {n.scoredCount} scored
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

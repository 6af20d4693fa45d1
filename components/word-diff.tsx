import { diffSummaries } from "@/lib/analysis/compare";

/** B's summary with the words it adds marked <ins> and the words of A it drops marked <del>; plain when too long to diff. */
export function WordDiff({ from, to }: { from: string; to: string }) {
  const parts = diffSummaries(from, to);
  if (!parts) return <p className="word-diff">{to} (too long to compare word by word)</p>;
  return (
    <p className="word-diff">
      {parts.map((part, index) =>
        part.change === "added" ? (
          <ins key={index}>{part.text}</ins>
        ) : part.change === "removed" ? (
          <del key={index}>{part.text}</del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

import { diffSummaries } from "@/lib/compare";

/** B's summary with the words it adds marked <ins> and the words of A it drops marked <del>. */
export function WordDiff({ from, to }: { from: string; to: string }) {
  return (
    <p className="word-diff">
      {diffSummaries(from, to).map((part, index) =>
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

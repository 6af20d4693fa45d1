import Link from "next/link";

/**
 * What the disagreement of sources does to a package: how many of the positions it is scored
 * against are contested, and the link that scores it at both ends of their ranges too
 * (`readings=range`), or back at the preferred readings only.
 */
export function PackageReadings({ contested, atEnds, toggleHref }: { contested: number; atEnds: boolean; toggleHref: string }) {
  return (
    <p className="meta" data-testid="package-contested">
      {contested === 0
        ? "No position this package is scored against is contested."
        : `${contested} of the positions this package is scored against ${contested === 1 ? "is" : "are"} contested (sources disagree); each is scored at its preferred reading${atEnds ? ", and below also at the low and high ends of its range" : ""}.`}{" "}
      <Link href={toggleHref} data-testid="package-readings">
        {atEnds ? "Preferred readings only" : "Score at both ends of the ranges"}
      </Link>
    </p>
  );
}

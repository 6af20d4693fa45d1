/** A wide table's own scrolling box on a narrow screen: named, and reachable by keyboard so that it can be scrolled without a pointer. */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="zone-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

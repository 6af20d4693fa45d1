/**
 * What a negotiation's page shows while its data is read (the database may be a network away now):
 * a plain status line that screen readers announce, in place of the page until it arrives.
 */
export default function Loading() {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading the positions…
    </p>
  );
}

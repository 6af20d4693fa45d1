/**
 * A negotiation's pages, plus a slot for a cell opened from the matrix: the cell's page shows as a
 * dialog over the matrix (an intercepted route), keeping the matrix and its filters underneath.
 */
export default function NegotiationLayout({ children, modal }: { children: React.ReactNode; modal: React.ReactNode }) {
  return (
    <>
      {children}
      {modal}
    </>
  );
}

import Link from "next/link";

export default function NegotiationNotFound() {
  return (
    <>
      <h1>Negotiation not found</h1>
      <p>There is no negotiation at this address. It may have been renamed or never existed.</p>
      <p>
        <Link href="/">See all negotiations</Link>
      </p>
    </>
  );
}

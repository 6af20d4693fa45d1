import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. A negotiation may have been renamed, or may never have existed.</p>
      <p>
        <Link href="/">See all negotiations</Link>
      </p>
    </>
  );
}

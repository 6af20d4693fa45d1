import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <Link href="/">See all negotiations</Link>
      </p>
    </>
  );
}

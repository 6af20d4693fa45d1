import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/sign-in-form";
import { toSafeNext } from "@/lib/http/safe-next";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = toSafeNext((await props.searchParams).next);
  const viewer = await getViewer();
  return (
    <>
      <h1>Sign in</h1>
      {viewer ? (
        <p>
          You are signed in as {viewer.name}. <Link href={next}>Go on</Link>.
        </p>
      ) : (
        <>
          <p className="lede">
            Editors sign in to change positions. Reading needs no account. Accounts are made by an administrator; there is no public
            sign-up.
          </p>
          <SignInForm next={next} />
        </>
      )}
    </>
  );
}

import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { SignOutButton } from "@/components/sign-out-button";
import { href } from "@/lib/params/urls";

/** The header's account links: "Sign in" for readers; the editor's name, account and sign-out otherwise. */
export async function AccountNav() {
  const viewer = await getViewer();
  return (
    <nav className="account-nav" aria-label="Account">
      {viewer === null ? (
        <Link href={href("signIn", {})}>Editors: sign in</Link>
      ) : (
        <>
          <span data-testid="signed-in-as">Signed in as {viewer.name}</span>
          {viewer.mustChangePassword ? (
            <Link href={href("account", {}, { first: 1 })} className="attention">
              Choose your own password
            </Link>
          ) : (
            <Link href={href("account", {})}>Account</Link>
          )}
          {viewer.role === "admin" ? (
            <>
              <Link href={href("adminUsers", {})}>Users</Link>
              <Link href={href("adminNegotiations", {})}>New negotiation</Link>
            </>
          ) : null}
          <SignOutButton />
        </>
      )}
    </nav>
  );
}

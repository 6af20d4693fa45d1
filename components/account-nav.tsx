import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { SignOutButton } from "@/components/sign-out-button";

/** The header's account links: "Sign in" for readers; the editor's name, account and sign-out otherwise. */
export async function AccountNav() {
  const viewer = await getViewer();
  return (
    <nav className="account-nav" aria-label="Account">
      {viewer === null ? (
        <Link href="/sign-in">Editors: sign in</Link>
      ) : (
        <>
          <span data-testid="signed-in-as">Signed in as {viewer.name}</span>
          {viewer.mustChangePassword ? (
            <Link href="/account?first=1" className="attention">
              Choose your own password
            </Link>
          ) : (
            <Link href="/account">Account</Link>
          )}
          {viewer.role === "admin" ? (
            <>
              <Link href="/admin/users">Users</Link>
              <Link href="/admin/negotiations">New negotiation</Link>
            </>
          ) : null}
          <SignOutButton />
        </>
      )}
    </nav>
  );
}

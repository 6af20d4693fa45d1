import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasswordForm } from "@/components/password-form";
import { TokenForm } from "@/components/token-form";
import { listApiTokens } from "@/lib/auth/tokens";
import { getViewer } from "@/lib/auth/viewer";
import { revokeToken } from "@/app/account/actions";
import { href } from "@/lib/params/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "never");

/** The signed-in user's account: who they are, and their personal API tokens (create, revoke). */
export default async function AccountPage() {
  const viewer = await getViewer();
  if (!viewer) redirect(href("signIn", {}, { next: href("account", {}) }));
  const tokens = await listApiTokens(viewer.id);
  const now = new Date().toISOString();
  return (
    <>
      <h1>Your account</h1>
      <p>
        {viewer.name} ({viewer.email}), {viewer.role}. Readers see your display name next to your changes, never your email.
      </p>
      {viewer.mustChangePassword ? (
        <div className="notice" role="status" data-testid="must-change-password">
          <p className="notice-title">Choose your own password</p>
          <p>Your administrator saw the password you signed in with. Choose one only you know before you edit anything.</p>
        </div>
      ) : null}
      <h2>Password</h2>
      <PasswordForm />
      <p className="hint">Changing your password signs out your other sessions and revokes your API tokens.</p>
      <h2>Personal API tokens</h2>
      <p>
        A token lets a script change cells through the write API with your rights: <code>Authorization: Bearer &lt;token&gt;</code>. Only a
        hash is stored, so a token is shown once, when it is made.
      </p>
      {viewer.mustChangePassword ? <p>Choose your own password first; then you can make tokens.</p> : <TokenForm />}
      {tokens.length === 0 ? (
        <p>You have no tokens.</p>
      ) : (
        <table data-testid="tokens">
          <caption>Your tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td>{day(t.createdAt)}</td>
                <td>{day(t.lastUsedAt)}</td>
                <td>{day(t.expiresAt)}</td>
                <td>
                  {t.revokedAt ? (
                    `Revoked ${day(t.revokedAt)}`
                  ) : t.expiresAt !== null && t.expiresAt <= now ? (
                    "Expired"
                  ) : (
                    <form action={revokeToken}>
                      <input type="hidden" name="id" value={t.id} />
                      <button type="submit" aria-label={`Revoke the token ${t.name}`}>
                        Revoke
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

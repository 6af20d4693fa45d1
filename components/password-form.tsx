"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Changes the signed-in user's password through Better Auth's endpoint (it checks the current one),
 * and signs out every other session. An invited user replaces the password an administrator saw.
 */
export function PasswordForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();
  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        const element = event.currentTarget;
        const form = new FormData(element);
        if (form.get("newPassword") !== form.get("repeat")) return setMessage({ ok: false, text: "The two new passwords differ." });
        setPending(true);
        const response = await fetch("/api/auth/change-password", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            currentPassword: form.get("currentPassword"),
            newPassword: form.get("newPassword"),
            revokeOtherSessions: true,
          }),
        }).catch(() => null);
        setPending(false);
        if (response?.ok) {
          element.reset();
          router.refresh(); // the page drops its "choose your own password" notice and shows the revoked tokens
        }
        // The server says why a new password is refused (too short, too common, built from the email).
        const refusal = response?.status === 400 ? ((await response.json().catch(() => null)) as { message?: string } | null) : null;
        setMessage(
          response?.ok
            ? { ok: true, text: "Your password is changed, your other sessions are signed out and your API tokens revoked." }
            : response?.status === 400
              ? { ok: false, text: refusal?.message ?? "A new password has 12 to 128 characters and is not a common one." }
              : { ok: false, text: "The current password is not right." },
        );
      }}
    >
      <label>
        Current password
        <input name="currentPassword" type="password" autoComplete="current-password" required />
      </label>
      <label>
        New password (12 to 128 characters)
        <input name="newPassword" type="password" autoComplete="new-password" minLength={12} maxLength={128} required />
      </label>
      <label>
        The new password again
        <input name="repeat" type="password" autoComplete="new-password" minLength={12} maxLength={128} required />
      </label>
      {message ? (
        <p className={message.ok ? undefined : "form-error"} role={message.ok ? "status" : "alert"} data-testid="password-message">
          {message.text}
        </p>
      ) : null}
      <p>
        <button type="submit" disabled={pending}>
          Change my password
        </button>
      </p>
    </form>
  );
}

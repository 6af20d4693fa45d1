"use client";

import { useState } from "react";
import { href } from "@/lib/params/urls";

/** Email and password, posted to Better Auth's sign-in endpoint (its rate limit and origin check apply). */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="form"
      aria-describedby={error ? "sign-in-error" : undefined}
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        setError(null);
        const response = await fetch("/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
        }).catch(() => null);
        setPending(false);
        if (response?.ok) {
          // An invited user chooses their own password before anything else.
          const body = (await response.json().catch(() => null)) as { user?: { mustChangePassword?: boolean } } | null;
          return window.location.assign(body?.user?.mustChangePassword ? href("account", {}, { first: 1 }) : next);
        }
        setError(
          response?.status === 429
            ? "Too many attempts for this account or from this address. Wait a while and try again."
            : response?.status === 401
              ? "That email and password do not match an account."
              : response?.status === 403
                ? "This account is disabled. Ask an administrator."
                : "Signing in failed. Try again.",
        );
      }}
    >
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error ? (
        <p id="sign-in-error" className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

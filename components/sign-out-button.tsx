"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Ends the session through Better Auth's endpoint, then shows the home page as a reader. */
export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
        router.push("/");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}

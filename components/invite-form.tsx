"use client";

import { useActionState } from "react";
import { inviteUser, type TInviteState } from "@/app/admin/users/actions";

/** Invites a user with a role and negotiations; shows their one-time password to pass on. */
export function InviteForm({ negotiations }: { negotiations: { slug: string; title: string }[] }) {
  const [state, action, pending] = useActionState<TInviteState, FormData>(inviteUser, {});
  return (
    <form action={action} className="form">
      <label>
        Email
        <input name="email" type="email" required maxLength={200} />
      </label>
      <label>
        Display name (shown to readers next to their changes)
        <input name="name" required maxLength={100} />
      </label>
      <label>
        Role
        <select name="role" defaultValue="editor">
          <option value="editor">Editor: edits the negotiations given below</option>
          <option value="admin">Administrator: edits all, manages users</option>
        </select>
      </label>
      <fieldset>
        <legend>Negotiations they may edit</legend>
        {negotiations.map((n) => (
          <label key={n.slug} className="choice">
            <input type="checkbox" name="negotiation" value={n.slug} /> {n.title}
          </label>
        ))}
      </fieldset>
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.invited ? (
        <div className="notice" role="status" data-testid="invited">
          <p className="notice-title">Invited {state.invited.email}. Their password, shown this once, to pass on privately:</p>
          <p className="secret">{state.invited.password}</p>
        </div>
      ) : null}
      <p>
        <button type="submit" disabled={pending}>
          Invite
        </button>
      </p>
    </form>
  );
}

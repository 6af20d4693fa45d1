"use client";

import { useActionState } from "react";
import { createToken, type TTokenState } from "@/app/account/actions";

/** Makes a named token and shows it once. */
export function TokenForm() {
  const [state, action, pending] = useActionState<TTokenState, FormData>(createToken, {});
  return (
    <form action={action} className="form">
      <label>
        Name of a new token (what it is for)
        <input name="name" maxLength={100} required />
      </label>
      <label>
        Valid for
        <select name="days" defaultValue="90">
          <option value="30">30 days</option>
          <option value="90">90 days</option>
          <option value="365">a year</option>
        </select>
      </label>
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.token ? (
        <div className="notice" role="status" data-testid="new-token">
          <p className="notice-title">Your new token “{state.name}”. Copy it now: it will not be shown again.</p>
          <p className="secret">{state.token}</p>
        </div>
      ) : null}
      <p>
        <button type="submit" disabled={pending}>
          Make a token
        </button>
      </p>
    </form>
  );
}

"use client";

import { useActionState, useState } from "react";
import type { TUploadState } from "@/app/negotiations/[slug]/import/actions";

/** The upload form of an import: refuses a file past the size limit before sending it, with the same message the server gives. */
export function ImportUploadForm(props: { action: (previous: TUploadState, form: FormData) => Promise<TUploadState>; maxBytes: number }) {
  const [state, action, pending] = useActionState(props.action, {});
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const error = tooLarge ?? state.error;
  return (
    <form action={action} className="form" aria-describedby={error ? "upload-error" : undefined}>
      <label>
        File (.csv or .json)
        <input
          type="file"
          name="file"
          accept=".csv,.json,text/csv,application/json"
          required
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setTooLarge(
              file && file.size > props.maxBytes
                ? `The file is ${(file.size / 1048576).toFixed(1)} MB; an import takes at most ${props.maxBytes / 1048576} MB. Split it.`
                : null,
            );
          }}
        />
      </label>
      <label>
        Reason (shown in the log for every change)
        <input name="reason" maxLength={500} required />
      </label>
      {error ? (
        <p id="upload-error" className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p>
        <button type="submit" disabled={pending || tooLarge !== null}>
          {pending ? "Reading…" : "Preview the import"}
        </button>
      </p>
    </form>
  );
}

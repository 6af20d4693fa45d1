"use client";

import { useActionState } from "react";
import Link from "next/link";
import { CONFIDENCES, STATUS_LABELS, STATUSES } from "@/lib/domain/words";
import { EMPTY, type TEditFormState } from "@/lib/formats/edit-form";
import { formatScore } from "@/lib/domain/format";
import type { TCellApiJson } from "@/lib/formats/cell-json";
import { Conflict } from "@/components/edit-conflict";
import { ReadingsFieldset } from "@/components/readings-fieldset";

type TBibliographyEntry = { id: number; number: number; title: string; publisher: string };

/**
 * The edit form of a cell. It carries the version it started from; when another version lands
 * first, the save is refused and the form shows that version (who, when, why, what) beside the
 * editor's values, which are kept: saving again re-applies them on top, or the editor discards them.
 */
export function CellEditForm(props: {
  cell: TCellApiJson;
  issue: { lowLabel: string; highLabel: string };
  bibliography: TBibliographyEntry[];
  today: string;
  cancelHref: string;
  action: (previous: TEditFormState, form: FormData) => Promise<TEditFormState>;
}) {
  const { cell, issue, bibliography, today, cancelHref } = props;
  const [state, formAction, pending] = useActionState(props.action, {});
  const base = state.conflict ?? cell;
  const position = base.position ?? EMPTY;
  const baseVersion = base.version?.id ?? 0;
  const values = state.values;
  const value = (key: string, fallback: string | number | null) => values?.[key]?.[0] ?? (fallback === null ? "" : String(fallback));
  const kept = new Set((values?.source ?? position.sources.map((s) => String(s.id))).map(Number));
  const errorsOf = (path: string) =>
    (state.problems ?? []).filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
  const fieldError = (path: string) => {
    const errors = errorsOf(path);
    return errors.length === 0 ? null : (
      <span className="field-error" id={`error-${path}`}>
        {errors.map((e) => e.message).join("; ")}
      </span>
    );
  };
  const described = (path: string) => (errorsOf(path).length > 0 ? `error-${path}` : undefined);
  const current = new Map(position.sources.map((s) => [s.id, s]));
  const bibliographyById = new Map(bibliography.map((b) => [b.id, b]));
  // A form re-shown after a conflict gets new keys, so its fields take the values passed in.
  const key = `${baseVersion}-${state.problems?.length ?? 0}`;
  return (
    <form action={formAction} className="form" key={key} data-testid="edit-form">
      <input type="hidden" name="baseVersion" value={baseVersion} />
      {state.conflict ? <Conflict conflict={state.conflict} values={values ?? {}} cancelHref={cancelHref} /> : null}
      {state.problems && state.problems.length > 0 ? (
        <div className="notice" role="alert" data-testid="edit-problems">
          <p className="notice-title">Nothing was saved. Please correct:</p>
          <ul>
            {state.problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                {p.path}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <label>
        Label (a few words)
        <input name="label" defaultValue={value("label", position.label)} maxLength={60} required aria-describedby={described("label")} />
        {fieldError("label")}
      </label>
      <label>
        Score
        <select name="score" defaultValue={value("score", position.score)} aria-describedby={described("score")}>
          <option value="">No score (position unknown)</option>
          {[-2, -1, 0, 1, 2].map((score) => (
            <option key={score} value={score}>
              {formatScore(score)}
              {score === -2 ? `: ${issue.lowLabel}` : score === 2 ? `: ${issue.highLabel}` : ""}
            </option>
          ))}
        </select>
        {fieldError("score")}
      </label>
      <label>
        Status
        <select name="status" defaultValue={value("status", position.status)}>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        {fieldError("status")}
      </label>
      <label>
        Confidence
        <select name="confidence" defaultValue={value("confidence", position.confidence)}>
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Why this confidence differs from the stated rule&apos;s, if it does
        <input
          name="confidenceReason"
          maxLength={2000}
          defaultValue={value("confidenceReason", position.confidenceReason ?? "")}
          aria-describedby={described("confidenceReason")}
        />
        {fieldError("confidenceReason")}
      </label>
      <label>
        Summary
        <textarea
          name="summary"
          rows={5}
          maxLength={2000}
          required
          defaultValue={value("summary", position.summary)}
          aria-describedby={described("summary")}
        />
        {fieldError("summary")}
      </label>
      <label>
        Quote (verbatim, optional)
        <textarea name="quote" rows={3} maxLength={2000} defaultValue={value("quote", position.quote)} />
      </label>
      <label>
        Notes (optional)
        <textarea name="notes" rows={3} maxLength={4000} defaultValue={value("notes", position.notes)} />
      </label>
      <label>
        Holds from
        <input
          type="date"
          name="validFrom"
          max={today}
          defaultValue={value("validFrom", today)}
          aria-describedby={described("validFrom")}
        />
        {fieldError("validFrom")}
      </label>
      <ReadingsFieldset position={position} value={value} fieldError={fieldError} />
      <fieldset>
        <legend>Sources</legend>
        {fieldError("sources")}
        {[...current.values()].map((s) => (
          <label key={s.id} className="choice">
            <input type="checkbox" name="source" value={s.id} defaultChecked={kept.has(s.id)} />
            <span>
              [{bibliographyById.get(s.id)?.number ?? "?"}] {s.title} — {s.publisher}
            </span>
          </label>
        ))}
        <label>
          Add a source from the bibliography
          <select name="addSource" defaultValue={value("addSource", "")}>
            <option value="">(none)</option>
            {bibliography
              .filter((b) => !current.has(b.id))
              .map((b) => (
                <option key={b.id} value={b.id}>
                  [{b.number}] {b.title.slice(0, 90)} — {b.publisher.slice(0, 40)}
                </option>
              ))}
          </select>
        </label>
        <details open={Boolean(values?.newTitle?.[0])}>
          <summary>Or add a new source</summary>
          <label>
            Title
            <input name="newTitle" maxLength={500} defaultValue={value("newTitle", "")} />
          </label>
          <label>
            Publisher
            <input name="newPublisher" maxLength={200} defaultValue={value("newPublisher", "")} />
          </label>
          <label>
            Address (http or https)
            <input name="newUrl" type="url" maxLength={2000} defaultValue={value("newUrl", "")} />
          </label>
          <label>
            Published (YYYY-MM-DD)
            <input name="newPublishedAt" pattern="\d{4}(-\d{2}(-\d{2})?)?" defaultValue={value("newPublishedAt", "")} />
          </label>
        </details>
      </fieldset>
      <label>
        Reason for this change (shown in the log)
        <input name="reason" maxLength={500} required defaultValue={value("reason", "")} aria-describedby={described("reason")} />
        {fieldError("reason")}
      </label>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : state.conflict ? "Save my version on top of theirs" : "Save as a new version"}
        </button>{" "}
        <Link href={cancelHref}>{state.conflict ? "Discard my changes" : "Cancel"}</Link>
      </p>
    </form>
  );
}

import Link from "next/link";
import { STATUS_LABELS } from "@/lib/domain/words";
import { formatScore } from "@/lib/domain/format";
import type { TCellApiJson } from "@/lib/formats/cell-json";
import { EMPTY, type TPosition } from "@/lib/formats/edit-form";

const FIELDS: { key: keyof TPosition; label: string }[] = [
  { key: "label", label: "Label" },
  { key: "score", label: "Score" },
  { key: "status", label: "Status" },
  { key: "confidence", label: "Confidence" },
  { key: "asOf", label: "Holds from" },
  { key: "summary", label: "Summary" },
  { key: "quote", label: "Quote" },
  { key: "notes", label: "Notes" },
];

const show = (key: keyof TPosition, value: unknown) =>
  key === "score"
    ? formatScore(value as number | null)
    : key === "status"
      ? STATUS_LABELS[value as TPosition["status"]]
      : String(value ?? "—");

/** The version that landed while the editor was editing, field by field beside the editor's values. */
export function Conflict({
  conflict,
  values,
  cancelHref,
}: {
  conflict: TCellApiJson;
  values: Record<string, string[]>;
  cancelHref: string;
}) {
  const mine = (key: keyof TPosition) => {
    const v = values[key === "asOf" ? "validFrom" : key]?.[0] ?? "";
    return key === "score" ? (v === "" ? null : Number(v)) : v === "" ? null : v;
  };
  const landed = conflict.version ?? { author: null, recordedAt: "", reason: null };
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title">Someone else saved this cell while you were editing</h2>
      <p>
        {landed.author ?? "A dossier import"} saved a new version at {landed.recordedAt.replace("T", " ").slice(0, 16)} UTC
        {landed.reason ? <>, giving the reason “{landed.reason}”</> : null}. Nothing of yours was saved. Compare, then save your version on
        top of theirs (the form below still holds your values), or <Link href={cancelHref}>discard your changes</Link>.
      </p>
      <table>
        <caption>Their version and yours</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Theirs (now saved)</th>
            <th scope="col">Yours (not saved)</th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map(({ key, label }) => {
            const theirs = (conflict.position ?? EMPTY)[key];
            const yours = mine(key);
            const differs = String(theirs ?? "") !== String(yours ?? "");
            return (
              <tr key={key} data-differs={differs ? "true" : undefined}>
                <th scope="row">
                  {label}
                  {differs ? " (differs)" : ""}
                </th>
                <td>{show(key, theirs)}</td>
                <td>{show(key, yours)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

import { PARTY_KINDS } from "@/lib/domain/words";

// The fields and rows of the structure page's forms (app/negotiations/[slug]/structure): plain
// forms posting to one server action, so they work without JavaScript.

export function Reason({ id }: { id: string }) {
  return (
    <label>
      Reason (shown in the log)
      <input name="reason" id={id} required maxLength={500} />
    </label>
  );
}

function MoveButtons({
  action,
  slug,
  name,
  first,
  last,
  act,
}: {
  action: string;
  slug: string;
  name: string;
  first: boolean;
  last: boolean;
  act: (form: FormData) => Promise<void>;
}) {
  return (
    <form action={act} className="move-buttons">
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="slug" value={slug} />
      <button type="submit" name="direction" value="up" disabled={first} aria-label={`Move ${name} up`}>
        ↑ Up
      </button>{" "}
      <button type="submit" name="direction" value="down" disabled={last} aria-label={`Move ${name} down`}>
        ↓ Down
      </button>
    </form>
  );
}

/** The issues or the parties in order, each with buttons to move it and a form to rename or edit it. */
export function StructureRows(props: {
  kind: "issue" | "party";
  rows: { slug: string; name: string; meta: string; fields: React.ReactNode }[];
  act: (form: FormData) => Promise<void>;
}) {
  const { kind, rows, act } = props;
  return (
    <ol className="structure-list">
      {rows.map((row, index) => (
        <li key={row.slug}>
          <strong>{row.name}</strong> <span className="meta">({row.meta})</span>
          <MoveButtons
            action={`${kind}.move`}
            slug={row.slug}
            name={row.name}
            first={index === 0}
            last={index === rows.length - 1}
            act={act}
          />
          <details>
            <summary>Rename or edit {row.name}</summary>
            <form action={act} className="form">
              <input type="hidden" name="action" value={`${kind}.update`} />
              <input type="hidden" name="slug" value={row.slug} />
              {row.fields}
              <Reason id={`reason-${kind}-${row.slug}`} />
              <button type="submit">Save the {kind}</button>
            </form>
          </details>
        </li>
      ))}
    </ol>
  );
}

export function IssueFields({
  defaults,
}: {
  defaults?: { name: string; description: string; isCore: boolean; lowLabel: string; highLabel: string };
}) {
  return (
    <>
      <label>
        Name
        <input name="name" required maxLength={200} defaultValue={defaults?.name} />
      </label>
      <label>
        Description
        <textarea name="description" required maxLength={2000} rows={2} defaultValue={defaults?.description} />
      </label>
      <label>
        What −2 means on this issue
        <input name="lowLabel" required maxLength={200} defaultValue={defaults?.lowLabel} />
      </label>
      <label>
        What +2 means on this issue
        <input name="highLabel" required maxLength={200} defaultValue={defaults?.highLabel} />
      </label>
      <label className="choice">
        <input type="checkbox" name="isCore" defaultChecked={defaults?.isCore ?? true} /> A core issue
      </label>
    </>
  );
}

export function PartyFields({ defaults }: { defaults?: { name: string; kind: string; date: string; description: string } }) {
  return (
    <>
      <label>
        Name
        <input name="name" required maxLength={200} defaultValue={defaults?.name} />
      </label>
      <label>
        Kind
        <select name="kind" defaultValue={defaults?.kind ?? "document"}>
          {PARTY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind === "actor" ? "An actor (a government, an alliance)" : "A document (a draft, a framework)"}
            </option>
          ))}
        </select>
      </label>
      <label>
        Date (YYYY-MM-DD; for a document, when it was published)
        <input name="date" required maxLength={60} defaultValue={defaults?.date} />
      </label>
      <label>
        Description
        <textarea name="description" required maxLength={2000} rows={2} defaultValue={defaults?.description} />
      </label>
    </>
  );
}

/** One source's fields (title, publisher, address, date); `required` when the entry needs a source. */
export function SourceFields({ required }: { required: boolean }) {
  return (
    <fieldset>
      <legend>Its source</legend>
      <label>
        Title
        <input name="sourceTitle" required={required} maxLength={500} />
      </label>
      <label>
        Publisher
        <input name="sourcePublisher" required={required} maxLength={200} />
      </label>
      <label>
        Address (http or https)
        <input name="sourceUrl" type="url" maxLength={2000} />
      </label>
      <label>
        Published (YYYY-MM-DD)
        <input name="sourcePublishedAt" pattern="\d{4}(-\d{2}(-\d{2})?)?" />
      </label>
    </fieldset>
  );
}

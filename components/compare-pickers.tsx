import type { TParty } from "@/lib/domain/words";

/** Two party pickers in a plain GET form, keeping the view's filters: works by keyboard and without JavaScript. */
export function ComparePickers({ parties, a, b, keep }: { parties: TParty[]; a: string | null; b: string | null; keep: URLSearchParams }) {
  const picker = (key: "a" | "b", chosen: string | null) => (
    <div>
      <label htmlFor={`party-${key}`}>Party {key.toUpperCase()}</label>
      <select id={`party-${key}`} name={key} defaultValue={chosen ?? ""} required>
        <option value="" disabled>
          Choose a party
        </option>
        {parties.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" className="toolbar compare-pickers" aria-label="Choose two parties">
      {picker("a", a)}
      {picker("b", b)}
      {[...keep].map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <button type="submit">Compare</button>
    </form>
  );
}

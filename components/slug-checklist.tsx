"use client";

import type { TOption } from "@/lib/domain";

type TProps = {
  legend: string;
  name: string;
  options: TOption[];
  /** null means all are chosen. */
  chosen: string[] | null;
  onChange: (chosen: string[] | null) => void;
};

/** A group of checkboxes over slugs; choosing every option means "all" (null). The last chosen one cannot be unticked. */
export function SlugChecklist({ legend, name, options, chosen, onChange }: TProps) {
  const isChosen = (slug: string) => chosen === null || chosen.includes(slug);
  const toggle = (slug: string) => {
    const next = options.map((o) => o.slug).filter((s) => (s === slug ? !isChosen(s) : isChosen(s)));
    if (next.length > 0) onChange(next.length === options.length ? null : next);
  };
  return (
    <fieldset className="checklist" data-testid={`${name}-filter`}>
      <legend>
        {legend} ({chosen === null ? "all" : `${chosen.length} of ${options.length}`})
      </legend>
      <div className="options">
        {options.map((option) => (
          <label key={option.slug}>
            <input
              type="checkbox"
              name={name}
              value={option.slug}
              checked={isChosen(option.slug)}
              aria-describedby={chosen?.length === 1 && chosen[0] === option.slug ? `${name}-last` : undefined}
              onChange={() => toggle(option.slug)}
            />
            {option.name}
          </label>
        ))}
      </div>
      <p id={`${name}-last`} className="hint">
        At least one stays chosen.
      </p>
    </fieldset>
  );
}

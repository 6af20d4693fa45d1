import type { TOption } from "@/lib/domain/words";

type TProps = {
  legend: string;
  /** The URL parameter the boxes submit as (`issues`, `parties`): repeated values make the list. */
  name: string;
  options: TOption[];
  /** null means all are chosen. */
  chosen: string[] | null;
};

/** A group of checkboxes over slugs, part of the filter form: nothing changes until the form is applied. */
export function SlugChecklist({ legend, name, options, chosen }: TProps) {
  return (
    <fieldset className="checklist" data-testid={`${name}-filter`}>
      <legend>
        {legend} ({chosen === null ? "all" : `${chosen.length} of ${options.length}`})
      </legend>
      <div className="options">
        {options.map((option) => (
          <label key={option.slug}>
            <input type="checkbox" name={name} value={option.slug} defaultChecked={chosen === null || chosen.includes(option.slug)} />
            {option.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

// A labelled list of mirrored collections to pick one from, with a first entry for "none
// chosen" (or "all", where that makes sense).
import type { CollectionChoice } from './collection-choices';
import { Field } from '../ui/controls/field';

interface Props {
  label: string;
  /** The first entry, whose value is '' ("every collection", "choose…"). */
  emptyLabel: string;
  choices: CollectionChoice[] | undefined;
  value: string;
  onChange: (id: string) => void;
}

export function CollectionSelect({ label, emptyLabel, choices, value, onChange }: Props) {
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{emptyLabel}</option>
          {choices?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

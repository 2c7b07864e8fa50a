// One statement of an instrument as a radio group of its response labels: Tab enters the group,
// the arrow keys or Space choose.
import { FieldError } from '../FieldError';

interface Props {
  id: string;
  number: number;
  text: string;
  options: { value: number; label: string }[];
  value: number | null;
  onChange: (value: number) => void;
  error?: string | undefined;
}

export function ItemField({ id, number, text, options, value, onChange, error }: Props) {
  return (
    <fieldset
      id={id}
      class={error ? 'field assess-item field--invalid' : 'field assess-item'}
      aria-describedby={error ? `${id}-error` : undefined}
      data-item={number}
    >
      <legend>
        <span class="assess-item-number">{number}.</span> {text}
      </legend>
      <div class="assess-options">
        {options.map((o) => (
          <span class="choice assess-option" key={o.value}>
            <input
              id={`${id}-${o.value}`}
              type="radio"
              name={id}
              value={String(o.value)}
              checked={value === o.value}
              required
              aria-invalid={error ? 'true' : undefined}
              onChange={() => onChange(o.value)}
            />
            <label for={`${id}-${o.value}`}>{o.label}</label>
          </span>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

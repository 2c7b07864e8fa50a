// A 1-5 rating as a group of radio buttons: Tab enters the group, arrow keys or Space choose.
import { FieldError } from './FieldError';

interface Props {
  id: string;
  legend: string;
  low: string;
  high: string;
  value: number | null;
  onChange: (value: number) => void;
  error?: string | undefined;
}

const RATINGS = [1, 2, 3, 4, 5] as const;

export function RatingField({ id, legend, low, high, value, onChange, error }: Props) {
  return (
    <fieldset
      class={error ? 'field rating field--invalid' : 'field rating'}
      aria-describedby={error ? `${id}-error` : `${id}-hint`}
    >
      <legend>{legend}</legend>
      <p id={`${id}-hint`} class="field-hint">
        1 = {low}, 5 = {high}
      </p>
      <div class="rating-options">
        {RATINGS.map((n) => (
          <span class="rating-option" key={n}>
            <input
              id={`${id}-${n}`}
              type="radio"
              name={id}
              value={String(n)}
              checked={value === n}
              aria-invalid={error ? 'true' : undefined}
              onChange={() => onChange(n)}
            />
            <label for={`${id}-${n}`}>{n}</label>
          </span>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

// A rating (1-5 unless told otherwise) as a group of radio buttons: Tab enters the group, arrow keys
// or Space choose.
import { FieldError, describedBy } from './FieldError';

interface Props {
  id: string;
  legend: string;
  low: string;
  high: string;
  value: number | null;
  onChange: (value: number) => void;
  error?: string | undefined;
  // The choices, lowest first.
  scale?: readonly number[];
  // A class of its own for the row of choices, e.g. to let eleven of them wrap.
  optionsClass?: string;
}

const ONE_TO_FIVE = [1, 2, 3, 4, 5] as const;

export function RatingField({ id, legend, low, high, value, onChange, error, scale = ONE_TO_FIVE, optionsClass }: Props) {
  return (
    <fieldset class={error ? 'field rating field--invalid' : 'field rating'} aria-describedby={describedBy(id, true, error)}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} class="field-hint">
        {scale[0]} = {low}, {scale[scale.length - 1]} = {high}
      </p>
      <div class={optionsClass ? `rating-options ${optionsClass}` : 'rating-options'}>
        {scale.map((n) => (
          <span class="choice rating-option" key={n}>
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

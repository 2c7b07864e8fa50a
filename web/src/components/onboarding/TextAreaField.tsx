// A labelled multi-line input with an optional hint and the error that names it.
import { FieldError, describedBy } from '../FieldError';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  placeholder?: string;
  rows?: number;
}

export function TextAreaField({ id, label, value, onInput, error, hint, placeholder, rows = 2 }: Props) {
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && <p id={`${id}-hint`} class="field-hint">{hint}</p>}
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

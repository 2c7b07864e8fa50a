// A labelled drop-down with an optional hint and the error that names it.
import { FieldError, describedBy } from '../FieldError';

interface Props {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
}

export function SelectField({ id, label, value, options, onChange, error, hint }: Props) {
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && <p id={`${id}-hint`} class="field-hint">{hint}</p>}
      <select
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

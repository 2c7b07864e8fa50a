// A labelled yes/no control; Space toggles it.
import { FieldError } from './FieldError';

interface Props {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
}

export function CheckboxField({ id, label, checked, onChange, error }: Props) {
  return (
    <div class={error ? 'field field--check field--invalid' : 'field field--check'}>
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

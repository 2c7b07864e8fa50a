// A labelled drop-down with an optional hint and the error that names it.
import { Field, type FieldProps, controlProps } from './Field';

export interface SelectOption {
  value: string;
  label: string;
}

interface Props extends FieldProps {
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
}

export function SelectField({ id, label, value, options, onChange, error, hint }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select {...controlProps(id, hint, error)} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

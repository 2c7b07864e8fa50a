// A labelled multi-line input with an optional hint and the error that names it.
import { Field, type FieldProps, controlProps } from './Field';

interface Props extends FieldProps {
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  rows?: number;
}

export function TextAreaField({ id, label, value, onInput, error, hint, placeholder, rows = 2 }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        {...controlProps(id, hint, error)}
        rows={rows}
        value={value}
        placeholder={placeholder}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </Field>
  );
}

// A labelled one-line input with an optional hint and the error that names it.
import type { Ref } from 'preact';
import { Field, type FieldProps, controlProps } from './Field';

interface Props extends FieldProps {
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'number';
  inputMode?: 'text' | 'numeric' | 'email';
  autocomplete?: string;
  placeholder?: string;
  disabled?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  onBlur?: () => void;
}

export function TextField(props: Props) {
  const { id, label, error, hint } = props;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        {...controlProps(id, hint, error)}
        ref={props.inputRef}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autocomplete={props.autocomplete}
        placeholder={props.placeholder}
        disabled={props.disabled}
        min={props.min}
        max={props.max}
        maxLength={props.maxLength}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        onBlur={props.onBlur}
      />
    </Field>
  );
}

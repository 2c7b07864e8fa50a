// A labelled one-line input with an optional hint and the error that names it.
import type { Ref } from 'preact';
import { FieldError, describedBy } from './FieldError';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
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
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={id}
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
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        onBlur={props.onBlur}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

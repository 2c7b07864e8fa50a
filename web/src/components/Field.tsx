// The frame every labelled control shares: its label, an optional hint and the error that names it.
// TextField, TextAreaField and SelectField put their control inside it and spread controlProps on it.
import type { ComponentChildren } from 'preact';
import { FieldError, describedBy } from './FieldError';

// What every labelled field takes, whatever its control.
export interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

export function Field({ id, label, hint, error, children }: FieldProps & { children: ComponentChildren }) {
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

// What ties the control to its label, hint and error: its id and name, aria-invalid and aria-describedby.
export function controlProps(id: string, hint: string | undefined, error: string | undefined) {
  return {
    id,
    name: id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, Boolean(hint), error),
  };
}

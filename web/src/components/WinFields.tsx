// What a win says, its size and the button that logs it: Today's "Log a win" and onboarding's first win.
import type { Ref } from 'preact';
import type { WinSize } from '../types';
import { type WinField, type WinForm, WIN_SIZES, WIN_TEXT_MAX_BYTES } from '../win-form';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  form: WinForm;
  fieldId: (field: WinField) => string;
  error: (field: WinField) => string | undefined;
  update: (patch: Partial<WinForm>) => void;
  label: string;
  saving: boolean;
  textRef?: Ref<HTMLInputElement>;
}

const SIZE_OPTIONS = WIN_SIZES.map((s) => ({ value: s, label: s }));

export function WinFields({ form, fieldId, error, update, label, saving, textRef }: Props) {
  return (
    <>
      <TextField
        id={fieldId('text')}
        label={label}
        value={form.text}
        maxLength={WIN_TEXT_MAX_BYTES}
        autocomplete="off"
        onInput={(text) => update({ text })}
        error={error('text')}
        inputRef={textRef}
      />
      <div class="win-form-row">
        <SelectField
          id={fieldId('size')}
          label="Size"
          value={form.size}
          options={SIZE_OPTIONS}
          onChange={(size) => update({ size: size as WinSize })}
          error={error('size')}
        />
        <button type="submit" class="button" disabled={saving}>
          {saving ? 'Logging…' : 'Log win'}
        </button>
      </div>
    </>
  );
}

// The fields a new boundary's type takes, then the person's own words for it: days, from and until
// side by side, then the rest. The boundaries page and onboarding both show them.
import { TextField } from '../TextField';
import { type BoundaryField, type BoundaryForm, FIELD_INFO, type ParamField, typeInfo } from './boundary-form';

interface Props {
  form: BoundaryForm;
  fieldId: (field: BoundaryField) => string;
  error: (field: BoundaryField) => string | undefined;
  onInput: (field: ParamField | 'label', value: string) => void;
  // A field's label where it is not FIELD_INFO's.
  label?: (field: ParamField) => string | undefined;
}

export function BoundaryFields({ form, fieldId, error, onInput, label }: Props) {
  const fields = typeInfo(form.type)?.fields ?? [];
  const param = (field: ParamField) => {
    const f = FIELD_INFO[field];
    return (
      <TextField
        key={field}
        id={fieldId(field)}
        label={label?.(field) ?? f.label}
        hint={f.hint}
        inputMode={f.numeric ? 'numeric' : 'text'}
        autocomplete="off"
        value={form[field]}
        onInput={(v) => onInput(field, v)}
        error={error(field)}
      />
    );
  };
  return (
    <>
      {fields.includes('days') && param('days')}
      {fields.includes('from') && (
        <div class="field-row">
          {param('from')}
          {param('to')}
        </div>
      )}
      {fields.filter((f) => f !== 'days' && f !== 'from' && f !== 'to').map(param)}
      {fields.length === 0 && <p class="field-hint">This kind needs nothing more.</p>}
      <TextField
        id={fieldId('label')}
        label="In your own words (optional)"
        hint="Shown instead of the generated description, e.g. “Evenings are for the kids”."
        value={form.label}
        maxLength={400}
        autocomplete="off"
        onInput={(v) => onInput('label', v)}
        error={error('label')}
      />
    </>
  );
}

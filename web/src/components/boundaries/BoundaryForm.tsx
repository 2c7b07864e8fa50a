// Add a boundary: a kind in plain words, then only the fields that kind takes. Errors, the form's
// own or the API's, sit under the field they name.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import type { FieldErrors } from '../../checkin-form';
import { sentence } from '../../messages';
import { SelectField } from '../SelectField';
import {
  BOUNDARY_TYPES, type BoundaryField, type BoundaryForm as Form, boundaryBody, emptyBoundaryForm, isBoundaryField,
  isBoundaryType, tidyBoundaryForm, typeInfo, validateBoundary, visibleFields,
} from './boundary-form';
import { BoundaryFields } from './BoundaryFields';
import { type BoundaryItem, addBoundary, boundaryTitle } from './data';

const fieldId = (field: BoundaryField) => `bnd-form-${field}`;
const TYPE_OPTIONS = BOUNDARY_TYPES.map((t) => ({ value: t.type, label: t.label }));

export function BoundaryForm({ api, onAdded }: { api: ApiClient; onAdded: (b: BoundaryItem) => void }) {
  const [form, setForm] = useState<Form>(emptyBoundaryForm());
  const [errors, setErrors] = useState<FieldErrors<BoundaryField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const info = typeInfo(form.type);

  const update = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    const cleared = { ...errors };
    for (const key of Object.keys(patch) as BoundaryField[]) delete cleared[key];
    if ('type' in patch) setErrors({});
    else setErrors(cleared);
    setAnnounce(null);
  };

  const focusFirst = (found: FieldErrors<BoundaryField>) => {
    const first = visibleFields(form.type).find((f) => found[f]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const tidy = tidyBoundaryForm(form);
    setForm(tidy);
    const found = validateBoundary(tidy);
    setErrors(found);
    setFormError(null);
    setAnnounce(null);
    if (Object.keys(found).length) {
      focusFirst(found);
      return;
    }
    setSaving(true);
    try {
      const added = await addBoundary(api, boundaryBody(tidy));
      setForm({ ...emptyBoundaryForm(), type: tidy.type });
      setAnnounce(`Added “${boundaryTitle(added)}”. Its days are in the list.`);
      onAdded(added);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && isBoundaryField(err.field) && visibleFields(tidy.type).includes(err.field)) {
        const next = { [err.field]: sentence(err.message) };
        setErrors(next);
        focusFirst(next);
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'Adding the boundary failed. Please try again.');
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card bnd-form" aria-labelledby="bnd-form-title">
      <h2 id="bnd-form-title">Add a boundary</h2>
      <p class="section-intro">Headway checks it every day against your check-ins and imported data.</p>
      <form class="form" onSubmit={submit} noValidate>
        {formError && <p class="form-error" role="alert">{formError}</p>}
        <SelectField
          id={fieldId('type')}
          label="Kind of boundary"
          hint={info?.explain}
          value={form.type}
          options={TYPE_OPTIONS}
          onChange={(type) => {
            if (isBoundaryType(type)) update({ type });
          }}
          error={errors.type}
        />
        <BoundaryFields form={form} fieldId={fieldId} error={(f) => errors[f]} onInput={(f, v) => update({ [f]: v })} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={saving}>{saving ? 'Adding…' : 'Add boundary'}</button>
        </div>
        <p class="form-status" role="status">{announce}</p>
      </form>
    </section>
  );
}

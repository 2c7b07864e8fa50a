// Start a circle: a name and, if you like, what it is for. Errors sit next to their fields.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { TextAreaField } from '../TextAreaField';
import { TextField } from '../TextField';
import { type Circle, createCircle } from './data';
import { type CircleField, type Errors, validateCircle } from './logic';

export function CircleCreateForm({ api, onCreated }: { api: ApiClient; onCreated: (c: Circle) => void }) {
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [errors, setErrors] = useState<Errors<CircleField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const focusFirst = (found: Errors<CircleField>) => {
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`circle-${first}`)?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validateCircle(name, purpose);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return focusFirst(found);
    setSaving(true);
    try {
      onCreated(await createCircle(api, name.trim(), purpose.trim()));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && (err.field === 'name' || err.field === 'purpose')) {
        const next = { [err.field]: sentence(err.message) };
        setErrors(next);
        focusFirst(next);
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'The circle could not be made. Please try again.');
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" aria-labelledby="circle-create-title">
      <h2 id="circle-create-title">Start a circle</h2>
      <form class="form" onSubmit={submit} noValidate>
        {formError && <p class="form-error" role="alert">{formError}</p>}
        <TextField id="circle-name" label="Name" value={name} autocomplete="off" error={errors.name}
          onInput={(v) => { setName(v); setErrors({}); }} />
        <TextAreaField id="circle-purpose" label="Purpose (optional)" hint="What the circle is for, in a sentence or two."
          value={purpose} error={errors.purpose} onInput={(v) => { setPurpose(v); setErrors({}); }} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={saving}>{saving ? 'Starting…' : 'Start the circle'}</button>
        </div>
      </form>
    </section>
  );
}

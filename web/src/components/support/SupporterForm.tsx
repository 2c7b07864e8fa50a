// Adding or editing a person: name, relation, kinds of support (at least one), optional account e-mail.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { sentence } from '../../messages';
import { FieldError } from '../FieldError';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import type { SupporterInput } from './data';
import {
  KINDS, KIND_LABELS, RELATIONS, RELATION_LABELS, type SupporterErrors, type SupporterField, type SupporterForm as Form,
  emptySupporter, supporterBody, supporterField, toggleKind, validateSupporter,
} from './logic';

const RELATION_OPTIONS = RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }));
const ORDER: readonly SupporterField[] = ['name', 'relation', 'kinds', 'account_email'];

interface Props {
  idPrefix: string;
  heading: string;
  submitLabel: string;
  emailHint: string;
  initial?: Form;
  onSubmit: (body: SupporterInput) => Promise<void>;
  onCancel?: () => void;
}

export function SupporterForm({ idPrefix: p, heading, submitLabel, emailHint, initial, onSubmit, onCancel }: Props) {
  const [form, setForm] = useState<Form>(() => initial ?? emptySupporter());
  const [errors, setErrors] = useState<SupporterErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const ids: Record<SupporterField, string> = { name: `${p}-name`, relation: `${p}-relation`, kinds: `${p}-kind-${KINDS[0]}`, account_email: `${p}-email` };

  // An edit form opens with focus on its first field.
  useEffect(() => {
    if (initial) nameInput.current?.focus();
  }, []);

  const update = (patch: Partial<Form>, field: SupporterField) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const show = (found: SupporterErrors) => {
    setErrors(found);
    const first = ORDER.find((f) => found[f]);
    if (first) document.getElementById(ids[first])?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setFormError(null);
    const found = validateSupporter(form);
    if (Object.keys(found).length > 0) return show(found);
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(supporterBody(form));
      if (!initial) setForm(emptySupporter());
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      const field = err instanceof ApiError ? supporterField(err.field) : null;
      if (field && err instanceof ApiError) show({ [field]: sentence(err.message) });
      else setFormError(err instanceof ApiError ? sentence(err.message) : 'Saving failed. Please try again.');
    } finally {
      setSaving(false);
    }
  };

  const kindsError = errors.kinds;
  return (
    <form class="form support-form" onSubmit={submit} noValidate aria-labelledby={`${p}-title`}>
      <h3 id={`${p}-title`}>{heading}</h3>
      <TextField id={ids.name} label="Name" value={form.name} autocomplete="off" inputRef={nameInput}
        error={errors.name} onInput={(name) => update({ name }, 'name')} />
      <SelectField id={ids.relation} label="Relation" value={form.relation} options={RELATION_OPTIONS}
        error={errors.relation} onChange={(r) => update({ relation: r as Form['relation'] }, 'relation')} />
      <fieldset class={kindsError ? 'field field--invalid' : 'field'} aria-describedby={kindsError ? `${p}-kinds-error` : undefined}>
        <legend>Support they give</legend>
        <p class="field-hint">Choose at least one.</p>
        <div class="support-kind-choices">
          {KINDS.map((k) => (
            <div class="field--check" key={k}>
              <input id={`${p}-kind-${k}`} type="checkbox" name={`${p}-kinds`} value={k} checked={form.kinds.includes(k)}
                aria-invalid={kindsError ? 'true' : undefined}
                onChange={(e) => update({ kinds: toggleKind(form.kinds, k, e.currentTarget.checked) }, 'kinds')} />
              <label for={`${p}-kind-${k}`}>{KIND_LABELS[k]}</label>
            </div>
          ))}
        </div>
        <FieldError id={`${p}-kinds-error`} message={kindsError} />
      </fieldset>
      <TextField id={ids.account_email} label="Their Headway e-mail (optional)" hint={emailHint} type="email"
        autocomplete="off" value={form.email} error={errors.account_email} onInput={(email) => update({ email }, 'account_email')} />
      {formError && <p class="form-error" role="alert">{formError}</p>}
      <div class="form-actions">
        <button type="submit" class="button" disabled={saving}>{saving ? 'Saving…' : submitLabel}</button>
        {onCancel && <button type="button" class="button button--quiet" onClick={onCancel} disabled={saving}>Cancel</button>}
      </div>
    </form>
  );
}

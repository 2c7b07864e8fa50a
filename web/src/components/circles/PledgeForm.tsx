// Propose a pledge: what you will do, how many people it takes, a deadline and, if it fits, the
// boundary it is tracked against. Errors sit next to their fields.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { todayIn } from '../../dates';
import { sentence } from '../../messages';
import type { Me } from '../../types';
import { Field, controlProps } from '../Field';
import { SelectField } from '../SelectField';
import { TextAreaField } from '../TextAreaField';
import { TextField } from '../TextField';
import { type Pledge, proposePledge } from './data';
import {
  BOUNDARY_TYPES, type Errors, LIMITS, type PledgeField, type PledgeForm as Form, addDays, emptyPledge, isPledgeField,
  pledgeBody, validatePledge,
} from './logic';

const BOUNDARY_OPTIONS = [{ value: '', label: 'None' }, ...BOUNDARY_TYPES];

interface Props {
  api: ApiClient;
  me: Me;
  circleId: number;
  onCreated: (p: Pledge) => void;
}

export function PledgeForm({ api, me, circleId, onCreated }: Props) {
  const today = todayIn(me.timezone);
  const [form, setForm] = useState<Form>(() => emptyPledge(today));
  const [errors, setErrors] = useState<Errors<PledgeField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setErrors({});
    setAnnounce(null);
  };
  const focusFirst = (found: Errors<PledgeField>) => {
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`pledge-${first}`)?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validatePledge(form, today);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return focusFirst(found);
    setSaving(true);
    try {
      onCreated(await proposePledge(api, circleId, pledgeBody(form)));
      setForm(emptyPledge(today));
      setAnnounce('Pledge proposed. Sign it too if you want to be counted.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && isPledgeField(err.field)) {
        const next = { [err.field]: sentence(err.message) };
        setErrors(next);
        focusFirst(next);
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'The pledge could not be proposed. Please try again.');
      }
    } finally {
      setSaving(false);
    }
  };

  const deadlineHint = 'Signatures close at the end of this day. Leave it empty for 14 days from now.';
  return (
    <form class="form circles-pledge-form" onSubmit={submit} noValidate aria-labelledby="pledge-form-title">
      <h3 id="pledge-form-title">Propose a pledge</h3>
      {formError && <p class="form-error" role="alert">{formError}</p>}
      <TextAreaField id="pledge-text" label="I will…" hint="For example: not answer work messages after 19:00."
        value={form.text} error={errors.text} onInput={(text) => update({ text })} />
      <div class="field-row">
        <TextField id="pledge-threshold" label="If this many of us sign" type="number" inputMode="numeric"
          min={LIMITS.thresholdMin} max={LIMITS.thresholdMax} value={form.threshold} error={errors.threshold}
          hint="At least 2, counting you if you sign." onInput={(threshold) => update({ threshold })} />
        <Field id="pledge-deadline" label="Deadline (optional)" hint={deadlineHint} error={errors.deadline}>
          <input {...controlProps('pledge-deadline', deadlineHint, errors.deadline)} type="date" min={today}
            max={addDays(today, LIMITS.pledgeMaxDays)} value={form.deadline}
            onInput={(e) => update({ deadline: e.currentTarget.value })} />
        </Field>
      </div>
      <SelectField id="pledge-boundary_type" label="Track it against a boundary (optional)" value={form.boundary_type}
        options={BOUNDARY_OPTIONS} error={errors.boundary_type}
        hint="Once it is active, the circle sees how well the group kept it, when at least 5 signers have evidence."
        onChange={(boundary_type) => update({ boundary_type })} />
      <div class="form-actions">
        <button type="submit" class="button" disabled={saving}>{saving ? 'Proposing…' : 'Propose the pledge'}</button>
      </div>
      <p class="form-status" role="status">{announce}</p>
    </form>
  );
}

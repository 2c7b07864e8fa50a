// The guided planner: a title, the six steps in order, likely objections with answers, Save, and
// the printable page and PDF of what is saved.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { TextAreaField } from '../TextAreaField';
import { TextField } from '../TextField';
import { type Plan, documentUrl, savePlan } from './data';
import { ObjectionsFields } from './ObjectionsFields';
import { type PlanErrors, type PlanForm, STEPS, formFromPlan, planBody, planControlId, planField, rowsFor, sameForm, validatePlan } from './plan-form';

interface Props {
  api: ApiClient;
  plan: Plan;
  onSaved: (plan: Plan) => void;
}

export function PlanEditor({ api, plan, onSaved }: Props) {
  const [saved, setSaved] = useState<PlanForm>(() => formFromPlan(plan));
  const [form, setForm] = useState<PlanForm>(saved);
  const [errors, setErrors] = useState<PlanErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = !sameForm(form, saved);

  const update = (patch: Partial<PlanForm>, ...keys: string[]) => {
    setForm((f) => ({ ...f, ...patch }));
    setStatus(null);
    if (keys.length) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))));
  };

  const show = (found: PlanErrors) => {
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(planControlId(first))?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setFormError(null);
    setStatus(null);
    const found = validatePlan(form);
    if (Object.keys(found).length > 0) return show(found);
    setErrors({});
    setSaving(true);
    try {
      const answer = await savePlan(api, plan.id, planBody(form));
      const next = formFromPlan(answer);
      setSaved(next);
      setForm(next);
      setStatus('Saved.');
      onSaved(answer);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      const key = err instanceof ApiError ? planField(err.field) : null;
      if (key && err instanceof ApiError) show({ [key]: sentence(err.message) });
      else setFormError(err instanceof ApiError ? sentence(err.message) : 'Saving the plan failed. Please try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card support-planner" aria-labelledby="plan-form-title">
      <h2 id="plan-form-title">Prepare the conversation</h2>
      <p class="section-intro">
        Headway wrote a first draft from what it knows. Change anything: it is your plan, in your words.
      </p>
      <form class="form" onSubmit={submit} noValidate aria-labelledby="plan-form-title">
        <TextField id="plan-title" label="Title" value={form.title} autocomplete="off" error={errors.title}
          onInput={(title) => update({ title }, 'title')} />
        <ol class="support-steps">
          {STEPS.map(({ key, label, hint }) => (
            <li key={key}>
              <TextAreaField id={`plan-${key}`} label={label} hint={hint} rows={rowsFor(form[key])} value={form[key]} error={errors[key]}
                onInput={(v) => update({ [key]: v }, key)} />
            </li>
          ))}
        </ol>
        <ObjectionsFields list={form.objections} errors={errors} onChange={(objections, keys) => update({ objections }, ...keys)} />
        {formError && <p class="form-error" role="alert">{formError}</p>}
        <div class="form-actions">
          <button type="submit" class="button" disabled={saving}>{saving ? 'Saving…' : 'Save plan'}</button>
          <p class="form-status" role="status">{status}</p>
        </div>
      </form>
      <div class="support-documents">
        <h3>Print or download</h3>
        {dirty && <p class="field-hint">These show the plan as last saved. Save first to include your changes.</p>}
        <div class="form-actions">
          <a class="button button--quiet" href={documentUrl(plan.id, 'html')} target="_blank" rel="noopener">Print (HTML)</a>
          <a class="button button--quiet" href={documentUrl(plan.id, 'pdf')} download="conversation-plan.pdf">Download PDF</a>
        </div>
      </div>
    </section>
  );
}

// Write a goal as WOOP: wish, outcome, obstacle, and an if-then plan; errors sit next to their fields.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import type { FieldErrors } from '../checkin-form';
import { FREQUENCIES, type GoalField, type GoalForm, emptyGoal, goalBody, isGoalField, validateGoal } from '../goal-form';
import { sentence } from '../messages';
import type { GoalView } from '../types';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const TEXT_FIELDS: { field: Exclude<GoalField, 'frequency'>; label: string; hint?: string }[] = [
  { field: 'title', label: 'Title' },
  { field: 'values', label: 'Values it serves', hint: 'Names of your values, separated by commas.' },
  { field: 'wish', label: 'Wish', hint: 'What do you want?' },
  { field: 'outcome', label: 'Outcome', hint: 'What would be best about it?' },
  { field: 'obstacle', label: 'Obstacle', hint: 'What in you stands in the way?' },
  { field: 'if', label: 'If (the moment)', hint: 'When the obstacle shows up…' },
  { field: 'then', label: 'Then (what you will do)' },
];
// As the API spells them, e.g. 3x/week.
const FREQUENCY_OPTIONS = FREQUENCIES.map((f) => ({ value: f, label: f }));

interface Props {
  api: ApiClient;
  onCreated: (goal: GoalView) => void;
  // Values to start from, e.g. a strategy's title and if-then plan ("Try this as a goal").
  initial?: Partial<GoalForm>;
  heading?: string;
  // Shows a Cancel button next to Save.
  onCancel?: () => void;
}

export function GoalCreateForm({ api, onCreated, initial, heading = 'Write a goal', onCancel }: Props) {
  const [form, setForm] = useState<GoalForm>(() => ({ ...emptyGoal(), ...initial }));
  const [errors, setErrors] = useState<FieldErrors<GoalField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (patch: Partial<GoalForm>) => {
    setForm({ ...form, ...patch });
    setErrors({});
    setAnnounce(null);
  };

  const focusFirst = (found: FieldErrors<GoalField>) => {
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`goal-${first}`)?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validateGoal(form);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) {
      focusFirst(found);
      return;
    }
    setSaving(true);
    try {
      const goal = await api.createGoal(goalBody(form));
      onCreated(goal);
      setForm(emptyGoal());
      setAnnounce('Goal saved.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && isGoalField(err.field)) {
        const next = { [err.field]: sentence(err.message) };
        setErrors(next);
        focusFirst(next);
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'Saving the goal failed. Please try again.');
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" aria-labelledby="goal-form-title">
      <h2 id="goal-form-title">{heading}</h2>
      <form class="form" onSubmit={submit} noValidate>
        {formError && <p class="form-error" role="alert">{formError}</p>}
        {TEXT_FIELDS.map(({ field, label, hint }) => (
          <TextField
            key={field}
            id={`goal-${field}`}
            label={label}
            hint={hint}
            value={form[field]}
            autocomplete="off"
            onInput={(v) => update({ [field]: v })}
            error={errors[field]}
          />
        ))}
        <SelectField
          id="goal-frequency"
          label="How often"
          value={form.frequency}
          options={FREQUENCY_OPTIONS}
          onChange={(frequency) => update({ frequency })}
          error={errors.frequency}
        />
        <div class="form-actions">
          <button type="submit" class="button" disabled={saving}>{saving ? 'Saving…' : 'Save goal'}</button>
          {onCancel && <button type="button" class="button button--quiet" onClick={onCancel}>Cancel</button>}
        </div>
        <p class="form-status" role="status">{announce}</p>
      </form>
    </section>
  );
}

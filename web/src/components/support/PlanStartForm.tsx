// "Prepare a conversation": an optional goal to start from; the new plan opens at once.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { navigate } from '../../router';
import { useLoad } from '../../use-load';
import { SelectField } from '../SelectField';
import { createPlan, fetchActiveGoals } from './data';

const NO_GOAL = '';

export function PlanStartForm({ api }: { api: ApiClient }) {
  const goals = useLoad(() => fetchActiveGoals(api), [api]);
  const [goal, setGoal] = useState(NO_GOAL);
  const [error, setError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const options = [
    { value: NO_GOAL, label: 'No particular goal' },
    ...(goals.data ?? []).map((g) => ({ value: String(g.id), label: g.title })),
  ];
  const hint = goals.failed
    ? 'Your goals could not be loaded; you can still start a plan without one.'
    : goals.data === null ? 'Loading your goals…' : 'The draft uses its wish, outcome and if-then plan.';

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setFormError(null);
    setBusy(true);
    try {
      const plan = await createPlan(api, goal === NO_GOAL ? null : Number(goal));
      navigate(`/support/plans/${plan.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && err.field === 'goal_id') {
        setError(sentence(err.message));
        document.getElementById('plan-start-goal')?.focus();
      } else setFormError(err instanceof ApiError ? sentence(err.message) : 'The plan could not be started. Please try again.');
      setBusy(false);
    }
  };

  return (
    <form class="form support-form" onSubmit={submit} noValidate aria-labelledby="plan-start-title">
      <h3 id="plan-start-title">Prepare a conversation</h3>
      <SelectField id="plan-start-goal" label="Goal to start from (optional)" hint={hint} value={goal} options={options}
        error={error} onChange={(v) => { setGoal(v); setError(undefined); }} />
      {formError && <p class="form-error" role="alert">{formError}</p>}
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>{busy ? 'Starting…' : 'Prepare a conversation'}</button>
      </div>
    </form>
  );
}

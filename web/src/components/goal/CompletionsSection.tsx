// The last four weeks at a glance, "Done today", and a kind way to record a slip.
import { useMemo, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { todayIn } from '../../dates';
import { sentence } from '../../messages';
import { addDays } from '../../wins-filter';
import { CompletionGrid } from './CompletionGrid';
import { type GoalDetail, markDone } from './data';
import { completionGrid, gridCounts } from './grid';
import { SlipForm } from './SlipForm';

interface Props {
  api: ApiClient;
  goal: GoalDetail;
  timezone: string;
  onChange: (goal: GoalDetail) => void;
}

export function CompletionsSection({ api, goal, timezone, onChange }: Props) {
  const today = useMemo(() => todayIn(timezone), [timezone]);
  const weeks = useMemo(() => completionGrid(goal.recent_completions, today), [goal.recent_completions, today]);
  const counts = gridCounts(weeks);
  const [saving, setSaving] = useState<'today' | 'yesterday' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const done = async (which: 'today' | 'yesterday') => {
    setSaving(which);
    setMessage(null);
    setError(null);
    try {
      const answer = await markDone(api, goal.id, which === 'today' ? today : addDays(today, -1));
      onChange(answer.goal);
      setMessage(answer.added
        ? `Marked done for ${which}. Every repetition makes the habit stronger.`
        : `${which === 'today' ? 'Today' : 'Yesterday'} was already marked done.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setError(err instanceof ApiError ? sentence(err.message) : 'Saving failed. Please try again.');
    } finally {
      setSaving(null);
    }
  };

  const canSlip = !goal.archived && (goal.stage === 'action' || goal.stage === 'maintenance');

  return (
    <section class="card goal-completions-card" aria-labelledby="goal-completions-title">
      <h2 id="goal-completions-title">The last four weeks</h2>
      <p class="section-intro">
        Done on {counts.done} of the last 28 days
        {counts.boundary > 0 ? ` (${counts.boundary} through a kept boundary)` : ''}.
      </p>
      <CompletionGrid weeks={weeks} />
      {!goal.archived && (
        <div class="form-actions goal-done-actions">
          <button type="button" class="button" disabled={saving !== null} onClick={() => done('today')}>
            {saving === 'today' ? 'Saving…' : 'Done today'}
          </button>
          <button type="button" class="button button--quiet" disabled={saving !== null} onClick={() => done('yesterday')}>
            {saving === 'yesterday' ? 'Saving…' : 'Done yesterday'}
          </button>
        </div>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
      <p class="form-status" role="status">{message}</p>
      {canSlip && (
        <SlipForm
          api={api}
          goal={goal}
          onRecorded={(next) => {
            onChange(next);
            setError(null);
            setMessage('Slip recorded. That is part of change, not a failure: the goal is back at “getting ready”, ' +
              'and your history and habit strength are kept. Look at your if-then plan and start again small.');
          }}
        />
      )}
    </section>
  );
}

// Archiving takes a second, explicit step; the goal leaves the list but stays in the export.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { navigate } from '../../router';
import { type GoalDetail, archiveGoal } from './data';

export function ArchiveSection({ api, goal }: { api: ApiClient; goal: GoalDetail }) {
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const archive = async () => {
    setSaving(true);
    setError(null);
    try {
      await archiveGoal(api, goal.id);
      navigate('/goals');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setError(err instanceof ApiError ? sentence(err.message) : 'Archiving failed. Please try again.');
      setSaving(false);
    }
  };

  return (
    <section class="card goal-archive" aria-labelledby="goal-archive-title">
      <h2 id="goal-archive-title">Archive</h2>
      {!confirming ? (
        <>
          <p class="section-intro">Done with this goal, or ready to let it go? Archiving takes it off your list; it stays in your export.</p>
          <button type="button" ref={opener} class="button button--quiet" onClick={() => setConfirming(true)}>
            Archive this goal…
          </button>
        </>
      ) : (
        <div class="goal-archive-confirm" role="group" aria-labelledby="goal-archive-question">
          <p id="goal-archive-question">Archive “{goal.title}”? You can no longer mark it done.</p>
          {error && <p class="form-error" role="alert">{error}</p>}
          <div class="form-actions">
            <button type="button" class="button button--danger" disabled={saving} onClick={archive}>
              {saving ? 'Archiving…' : 'Yes, archive it'}
            </button>
            <button type="button" ref={keep} class="button button--quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

// Deleting a plan with its comments, after a confirm step; then back to Support.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { navigate } from '../../router';
import { type Plan, deletePlan } from './data';

export function PlanDelete({ api, plan }: { api: ApiClient; plan: Plan }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    setTimeout(() => start.current?.focus(), 0);
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deletePlan(api, plan.id);
      navigate('/support');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setError(err instanceof ApiError ? sentence(err.message) : 'The plan could not be deleted. Please try again.');
      setBusy(false);
    }
  };

  return (
    <section class="card support-delete" aria-labelledby="plan-delete-title">
      <h2 id="plan-delete-title">Delete this plan</h2>
      {!confirming ? (
        <button type="button" class="button button--quiet" ref={start} onClick={() => setConfirming(true)}>Delete plan</button>
      ) : (
        <div class="support-confirm" role="group" aria-label="Delete this plan">
          <p>Delete “{plan.title}” and its coach comments? This cannot be undone.</p>
          <div class="form-actions">
            <button type="button" class="button button--danger" onClick={remove} disabled={busy}>
              {busy ? 'Deleting…' : 'Yes, delete it'}
            </button>
            <button type="button" class="button button--quiet" ref={keep} onClick={cancel} disabled={busy}>Keep it</button>
          </div>
        </div>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
    </section>
  );
}

// Leaving a circle, after saying plainly what leaves with you.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { navigate } from '../../router';
import { type CircleDetail, leaveCircle } from './data';

export function LeaveSection({ api, circle }: { api: ApiClient; circle: CircleDetail }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const leave = async () => {
    setBusy(true);
    setError(null);
    try {
      await leaveCircle(api, circle.id);
      navigate('/circles');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setError(err instanceof ApiError ? sentence(err.message) : 'Leaving failed. Please try again.');
      setBusy(false);
    }
  };

  const last = circle.members <= 1;
  return (
    <div class="circles-leave">
      {!asking ? (
        <button type="button" class="button button--quiet" onClick={() => setAsking(true)}>Leave circle</button>
      ) : (
        <div class="circles-leave-confirm" role="group" aria-labelledby="circle-leave-title">
          <h3 id="circle-leave-title">Leave {circle.name}?</h3>
          <p>
            Your shared wins and the kudos on them leave with you, and so do your signatures on pledges that are still
            collecting. You will not see the circle afterwards.
          </p>
          {circle.owner && !last && <p>You own this circle: it passes to the member who has been in it longest.</p>}
          {last && <p>You are its last member, so the circle is deleted.</p>}
          {error && <p class="form-error" role="alert">{error}</p>}
          <div class="form-actions">
            <button type="button" class="button button--danger" disabled={busy} onClick={leave}>{busy ? 'Leaving…' : 'Yes, leave'}</button>
            <button type="button" class="button button--quiet" onClick={() => setAsking(false)}>Stay</button>
          </div>
        </div>
      )}
    </div>
  );
}

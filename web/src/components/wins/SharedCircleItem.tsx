// One circle the win is shared with, and stopping the share (asked once: the kudos sent there go too).
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { Link } from '../Link';
import { type SharedCircle, unshareWin } from './data';

interface Props {
  api: ApiClient;
  winId: number;
  circle: SharedCircle;
  onStopped: (circleId: number) => void;
}

export function SharedCircleItem({ api, winId, circle, onStopped }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = `wins-unshare-${circle.id}-error`;

  const stop = async () => {
    setBusy(true);
    setError(null);
    try {
      await unshareWin(api, circle.id, winId);
      onStopped(circle.id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      // 404: it was no longer shared there (e.g. taken back from the circle's page); read it back.
      if (err instanceof ApiError && err.status === 404) {
        onStopped(circle.id);
        return;
      }
      setError(err instanceof ApiError ? sentence(err.message) : 'Stopping failed. Please try again.');
      setBusy(false);
    }
  };

  return (
    <li class="wins-circle" data-circle-id={circle.id}>
      <div class="wins-circle-head">
        <Link href={`/circles/${circle.id}`} class="wins-circle-name">{circle.name}</Link>
        {!asking && (
          <button type="button" class="button button--quiet" aria-label={`Stop sharing with ${circle.name}`}
            onClick={() => setAsking(true)}>
            Stop sharing
          </button>
        )}
      </div>
      {asking && (
        <div class="wins-circle-confirm" role="group" aria-label={`Stop sharing with ${circle.name}`}>
          <p>
            Stop sharing this win with {circle.name}? The kudos sent there go with it. The win stays in your
            journal.
          </p>
          <div class="form-actions">
            <button type="button" class="button button--danger" disabled={busy} onClick={stop}
              aria-describedby={error ? errorId : undefined}>
              {busy ? 'Stopping…' : 'Yes, stop sharing'}
            </button>
            <button type="button" class="button button--quiet" disabled={busy} onClick={() => { setAsking(false); setError(null); }}>
              Keep sharing
            </button>
          </div>
        </div>
      )}
      {error && <p id={errorId} class="form-error" role="alert">{error}</p>}
    </li>
  );
}

// Opened from an invite link (/partners?accept=CODE): accept it, or leave it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { Link } from '../Link';
import { type Grant, acceptGrant } from './data';
import { scopeList } from './labels';

interface Props {
  api: ApiClient;
  code: string;
  onAccepted: (grant: Grant) => void;
  onDismiss: () => void;
}

export function AcceptInvite({ api, code, onAccepted, onDismiss }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<Grant | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => { if (accepted) ref.current?.focus(); }, [accepted]);

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const grant = await acceptGrant(api, code);
      setAccepted(grant);
      onAccepted(grant);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setError('This invite link has been used already, or it does not exist.');
      else setError(err instanceof ApiError ? sentence(err.message) : 'The invite could not be accepted. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card partners-accept" aria-labelledby="partners-accept-title" tabIndex={-1} ref={ref}>
      <h2 id="partners-accept-title">An invite to follow someone’s progress</h2>
      {accepted ? (
        <p role="status">
          Accepted. {accepted.owner} shares {scopeList(accepted.scopes)} with you:{' '}
          <Link href={`/partners/shared/${accepted.id}`}>open what {accepted.owner} shares</Link>.
        </p>
      ) : (
        <>
          <p>Someone sent you an invite link. Accepting it lets you read what they chose to share, until they end it.</p>
          {error && <p class="form-error" role="alert">{error}</p>}
          <div class="form-actions">
            <button type="button" class="button" onClick={accept} disabled={busy}>{busy ? 'Accepting…' : 'Accept'}</button>
            <button type="button" class="button button--quiet" onClick={onDismiss} disabled={busy}>Not now</button>
          </div>
        </>
      )}
    </section>
  );
}

// The grants you made: who, what, status and expiry, and Revoke (after a confirmation).
import { useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { type Grant, revokeGrant } from './data';
import { granteeText, isLive, scopeList, statusText } from './labels';

interface Props {
  api: ApiClient;
  grants: Grant[];
  timezone: string;
  onRevoked: (id: number) => void;
}

export function GrantList({ api, grants, timezone, onRevoked }: Props) {
  return (
    <ul class="partners-grants">
      {grants.map((g) => <GrantItem key={g.id} api={api} grant={g} timezone={timezone} onRevoked={onRevoked} />)}
    </ul>
  );
}

function GrantItem({ api, grant, timezone, onRevoked }: { api: ApiClient; grant: Grant; timezone: string; onRevoked: (id: number) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const status = useRef<HTMLElement>(null);
  const who = granteeText(grant);
  const titleId = `grant-${grant.id}-who`;

  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      await revokeGrant(api, grant.id);
      setConfirming(false);
      onRevoked(grant.id);
      setTimeout(() => status.current?.focus(), 0);
    } catch (err) {
      setError(err instanceof ApiError ? sentence(err.message) : 'The access could not be revoked. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class={`partners-grant partners-grant--${grant.status}`} aria-labelledby={titleId}>
      <p class="partners-grant-who" id={titleId}>{who}</p>
      <dl class="partners-grant-facts">
        <div><dt>Sees</dt><dd>{scopeList(grant.scopes)}</dd></div>
        <div><dt>Status</dt><dd class="partners-grant-status" tabIndex={-1} ref={status}>{statusText(grant, timezone)}</dd></div>
      </dl>
      {isLive(grant) && !confirming && (
        <button type="button" class="button button--quiet" onClick={() => setConfirming(true)} aria-describedby={titleId}>
          Revoke
        </button>
      )}
      {confirming && (
        <div class="partners-confirm" role="group" aria-label={`Revoke access for ${who}`}>
          <p>Revoke access for {who}? They lose it from their very next request and are told it ended.</p>
          <div class="form-actions">
            <button type="button" class="button button--danger" onClick={revoke} disabled={busy}>
              {busy ? 'Revoking…' : 'Yes, revoke'}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setConfirming(false)} disabled={busy}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
    </li>
  );
}

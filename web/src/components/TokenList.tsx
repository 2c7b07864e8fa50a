// The person's API tokens, with when each was last used and a button to revoke it.
import type { ApiToken } from '../types';

interface Props {
  tokens: ApiToken[];
  onRevoke: (token: ApiToken) => void;
  busy: boolean;
}

const when = (instant: string | null) => (instant ? instant.replace('T', ' ').replace('Z', ' UTC') : 'never');

export function TokenList({ tokens, onRevoke, busy }: Props) {
  return (
    <ul class="token-list">
      {tokens.map((t) => (
        <li key={t.id} class={t.revoked ? 'token token--revoked' : 'token'}>
          <span class="token-name">{t.name}</span>
          <span class="token-scope">{t.scope}</span>
          <span class="token-used">Last used: {when(t.last_used_at)}</span>
          {t.revoked ? (
            <span class="token-state">Revoked</span>
          ) : (
            <button type="button" class="button button--quiet" disabled={busy} onClick={() => onRevoke(t)}
              aria-label={`Revoke token ${t.name}`}>
              Revoke
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

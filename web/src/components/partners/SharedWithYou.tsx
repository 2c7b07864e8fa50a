// Grants other people made to you: each live one opens its read-only view.
import { Link } from '../Link';
import type { Grant } from './data';
import { formatInstantDay, scopeList } from './labels';

export function SharedWithYou({ grants, timezone }: { grants: Grant[]; timezone: string }) {
  return (
    <ul class="partners-shared">
      {grants.map((g) => (
        <li key={g.id} class="partners-shared-item">
          {g.status === 'active' ? (
            <Link href={`/partners/shared/${g.id}`} class="partners-shared-link">{g.owner}</Link>
          ) : (
            <span class="partners-shared-link">{g.owner}</span>
          )}
          <span class="partners-muted">
            {' '}shares {scopeList(g.scopes)}
            {g.status === 'active' ? `, until ${formatInstantDay(g.expires_at, timezone)}` : ` (${g.status})`}
          </span>
        </li>
      ))}
    </ul>
  );
}

// A token's secret, shown this once, right after it was made.
import { useEffect, useRef } from 'preact/hooks';
import type { CreatedApiToken } from '../types';

export function NewTokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [token.id]);
  return (
    <div class="notice token-secret" role="status" tabIndex={-1} ref={ref} aria-labelledby="token-secret-title">
      <p id="token-secret-title">
        Token “{token.name}” ({token.scope}) is ready. Copy it now: Headway will not show it again.
      </p>
      <code class="token-secret-value">{token.token}</code>
      <button type="button" class="button button--quiet" onClick={onDone}>I have copied it</button>
    </div>
  );
}

// What a section shows while it loads, when it is empty, or when it could not load.
import type { ComponentChildren } from 'preact';

interface Props {
  kind: 'loading' | 'empty' | 'error';
  children: ComponentChildren;
  onRetry?: () => void;
}

export function StatusNote({ kind, children, onRetry }: Props) {
  return (
    <div class={`status-note status-note--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'loading' && <span class="spinner" aria-hidden="true" />}
      <span>{children}</span>
      {onRetry && (
        <button type="button" class="button button--quiet" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

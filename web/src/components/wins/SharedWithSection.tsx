// The circles the win is shared with, each with "Stop sharing", and sharing it with another one.
import { useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { StatusNote } from '../StatusNote';
import { type Circle, type SharedCircle, listCircles } from './data';
import { notSharedText, shareableCircles, sortShared } from './logic';
import { ShareForm } from './ShareForm';
import { SharedCircleItem } from './SharedCircleItem';

interface Props {
  api: ApiClient;
  winId: number;
  shared: readonly SharedCircle[];
  onStopped: (circleId: number) => void;
  onShared: (circle: Circle) => void;
}

export function SharedWithSection({ api, winId, shared, onStopped, onShared }: Props) {
  const circles = useLoad(() => listCircles(api), [api]);
  const [announce, setAnnounce] = useState<string | null>(null);
  const others = circles.data ? shareableCircles(circles.data, shared) : [];

  return (
    <section class="card wins-shared" aria-labelledby="wins-shared-title">
      <h2 id="wins-shared-title">Shared with</h2>
      {shared.length === 0 ? (
        <p class="wins-muted wins-shared-none">{notSharedText(circles.data?.length ?? 1)}</p>
      ) : (
        <ul class="wins-circle-list">
          {sortShared(shared).map((c) => (
            <SharedCircleItem key={c.id} api={api} winId={winId} circle={c}
              onStopped={(id) => { setAnnounce(`No longer shared with ${c.name}.`); onStopped(id); }} />
          ))}
        </ul>
      )}
      {circles.failed ? (
        <StatusNote kind="error" onRetry={circles.retry}>Your circles could not be loaded.</StatusNote>
      ) : circles.data === null ? (
        <StatusNote kind="loading">Loading your circles…</StatusNote>
      ) : others.length === 0 ? (
        <p class="wins-share-none">
          {circles.data.length === 0
            ? <>To share it, start or join a circle on <Link href="/circles">Circles</Link>.</>
            : <>It is shared with all your circles. Start or join another on <Link href="/circles">Circles</Link>.</>}
        </p>
      ) : (
        <ShareForm api={api} winId={winId} circles={others}
          onShared={(c) => { setAnnounce(`Shared with ${c.name}.`); onShared(c); }} />
      )}
      <p class="form-status" role="status">{announce}</p>
    </section>
  );
}

// The circle's shared wins, newest first, with their kudos; sharing one of yours; "Load more".
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { StatusNote } from '../StatusNote';
import { type FeedEntry, type Kudos, fetchFeed } from './data';
import { FeedItem } from './FeedItem';
import { mergeFeed } from './logic';
import { ShareWinForm } from './ShareWinForm';

export function FeedSection({ api, me, circleId }: { api: ApiClient; me: Me; circleId: number }) {
  const { data: feed, failed, retry, reload, set } = useLoad(() => fetchFeed(api, circleId, null), [api, circleId]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  // Bumped when a win is taken back, so the share form offers it again.
  const [shareVersion, setShareVersion] = useState(0);

  const loadMore = async () => {
    if (!feed?.next) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchFeed(api, circleId, feed.next);
      set((cur) => ({ entries: mergeFeed(cur?.entries ?? [], page.entries), next: page.next }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setMoreError(err instanceof ApiError ? sentence(err.message) : 'More wins could not be loaded.');
    } finally {
      setLoadingMore(false);
    }
  };

  const onKudos = (k: Kudos) => set((cur) => cur && {
    ...cur,
    entries: cur.entries.map((e): FeedEntry => (e.win_id === k.win_id ? { ...e, kudos: [...e.kudos, k] } : e)),
  });
  const onTakenBack = (winId: number) => {
    set((cur) => cur && { ...cur, entries: cur.entries.filter((e) => e.win_id !== winId) });
    setShareVersion((n) => n + 1);
  };

  return (
    <section class="card circles-feed" aria-labelledby="circle-feed-title">
      <h2 id="circle-feed-title">Shared wins</h2>
      <ShareWinForm api={api} me={me} circleId={circleId} version={shareVersion} onShared={reload} />
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>The shared wins could not be loaded.</StatusNote>
      ) : feed === null ? (
        <StatusNote kind="loading">Loading shared wins…</StatusNote>
      ) : feed.entries.length === 0 ? (
        <StatusNote kind="empty">Nobody has shared a win here yet. Small ones count too.</StatusNote>
      ) : (
        <>
          <ul class="circles-feed-list">
            {feed.entries.map((e) => (
              <FeedItem key={e.win_id} api={api} circleId={circleId} entry={e} onKudos={onKudos} onTakenBack={onTakenBack} />
            ))}
          </ul>
          {feed.next && (
            <div class="form-actions circles-feed-more">
              <button type="button" class="button button--quiet" disabled={loadingMore} onClick={loadMore}>
                {loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
          {moreError && <p class="form-error" role="alert">{moreError}</p>}
        </>
      )}
    </section>
  );
}

// Notifications, newest first: kudos, pledges, shared views, circles and plan comments. An item is
// marked read when it is opened; "Mark all read" does them all; "Load more" goes further back.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { navigate } from '../../router';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { formatInstant } from '../partners/labels';
import {
  type Notification, announceUnreadChanged, fetchNotifications, fetchPledgeCircle, fetchWinText, markRead,
} from './data';
import { appendPage, isPledge, kindText, linkText, markShown, notificationLink } from './wording';
import './notifications.css';

export function NotificationsPage({ api, me }: { api: ApiClient; me: Me }) {
  const first = useLoad(() => fetchNotifications(api), [api]);
  const [items, setItems] = useState<Notification[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [unread, setUnread] = useState(0);
  const [more, setMore] = useState<'idle' | 'loading' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [busyAll, setBusyAll] = useState(false);
  const [wins, setWins] = useState<Record<number, string>>({});

  useEffect(() => {
    if (!first.data) return;
    setItems(first.data.notifications);
    setNext(first.data.next);
    setUnread(first.data.unread);
  }, [first.data]);

  // The text of each win that got kudos, so the note says which win.
  useEffect(() => {
    const wanted = [...new Set(items.filter((n) => n.kind === 'kudos').map((n) => n.object_id))].filter((id) => !(id in wins));
    if (wanted.length === 0) return;
    let live = true;
    Promise.all(wanted.map((id) => fetchWinText(api, id).then((t) => [id, t] as const, () => [id, ''] as const))).then((found) => {
      if (live) setWins((w) => ({ ...w, ...Object.fromEntries(found) }));
    });
    return () => { live = false; };
  }, [items, api]);

  const loadMore = async () => {
    if (next === null) return;
    setMore('loading');
    try {
      const page = await fetchNotifications(api, next);
      setItems((list) => appendPage(list, page.notifications));
      setNext(page.next);
      setUnread(page.unread);
      setMore('idle');
    } catch {
      setMore('failed');
    }
  };

  const markAll = async () => {
    setBusyAll(true);
    setError(null);
    try {
      await markRead(api);
      setItems((list) => markShown(list));
      setUnread(0);
      announceUnreadChanged();
    } catch (err) {
      setError(err instanceof ApiError ? sentence(err.message) : 'Could not mark them read. Please try again.');
    } finally {
      setBusyAll(false);
    }
  };

  const markOne = async (n: Notification) => {
    if (n.read) return;
    setItems((list) => markShown(list, n.id));
    setUnread((u) => Math.max(0, u - 1));
    try {
      await markRead(api, n.id);
    } catch {
      // Reading it still helps; it shows as unread again on the next visit.
    }
    announceUnreadChanged();
  };

  const open = async (e: MouseEvent, n: Notification, href: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      void markOne(n);
      return;
    }
    e.preventDefault();
    await markOne(n);
    let target = href;
    if (isPledge(n.kind)) {
      try {
        target = `/circles/${await fetchPledgeCircle(api, n.object_id)}`;
      } catch {
        target = href;
      }
    }
    navigate(target);
  };

  return (
    <>
      <div class="page-title notifications-title">
        <PageHeading>Notifications</PageHeading>
        {items.length > 0 && (
          <button type="button" class="button button--quiet" onClick={markAll} disabled={busyAll || unread === 0}>
            {busyAll ? 'Marking…' : 'Mark all read'}
          </button>
        )}
      </div>
      <p class="section-intro" role="status">
        {first.data === null ? '' : unread === 0 ? 'You are all caught up.' : `${unread} unread.`}
      </p>
      {error && <p class="form-error" role="alert">{error}</p>}
      {first.failed ? (
        <StatusNote kind="error" onRetry={first.retry}>Notifications could not be loaded.</StatusNote>
      ) : first.data === null ? (
        <StatusNote kind="loading">Loading notifications…</StatusNote>
      ) : items.length === 0 ? (
        <StatusNote kind="empty">Nothing new. Kudos, pledges and shared views will show up here.</StatusNote>
      ) : (
        <>
          <ul class="notifications-list">
            {items.map((n) => {
              const { icon, title } = kindText(n.kind);
              const href = notificationLink(n);
              const win = n.kind === 'kudos' ? wins[n.object_id] : undefined;
              return (
                <li key={n.id} class={n.read ? 'notification' : 'notification notification--unread'}>
                  <span class="notification-icon" aria-hidden="true">{icon}</span>
                  <div class="notification-body">
                    <p class="notification-title">
                      {!n.read && <span class="pill pill--accent notification-new">New</span>} {title}
                    </p>
                    <p class="notification-text">{n.text}</p>
                    {win && <p class="notification-win">On your win “{win}”</p>}
                    <p class="notification-meta">
                      <time dateTime={n.created_at}>{formatInstant(n.created_at, me.timezone)}</time>
                    </p>
                    <div class="notification-actions">
                      {href && (
                        <a href={href} class="notification-link" onClick={(e) => open(e, n, href)}>{linkText(n)}</a>
                      )}
                      {!n.read && (
                        <button type="button" class="button button--quiet notification-mark" aria-label={`Mark as read: ${title}`} onClick={() => markOne(n)}>
                          Mark as read
                        </button>
                      )}
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
          {more === 'failed' && <StatusNote kind="error" onRetry={loadMore}>Older notifications could not be loaded.</StatusNote>}
          {next !== null && more !== 'failed' && (
            <button type="button" class="button button--quiet notifications-more" onClick={loadMore} disabled={more === 'loading'}>
              {more === 'loading' ? 'Loading…' : 'Load more'}
            </button>
          )}
        </>
      )}
    </>
  );
}

// The unread count beside "Notifications" in the header: read when the header mounts, when the
// path changes, and when the notifications page marks something read.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { UNREAD_CHANGED, fetchUnread } from './data';
import { unreadLabel } from './wording';
import './unread.css';

export function useUnreadCount(path: string, signedIn: boolean, api?: ApiClient): number | null {
  const [count, setCount] = useState<number | null>(null);
  const [bump, setBump] = useState(0);
  useEffect(() => {
    const changed = () => setBump((n) => n + 1);
    addEventListener(UNREAD_CHANGED, changed);
    return () => removeEventListener(UNREAD_CHANGED, changed);
  }, []);
  useEffect(() => {
    if (!signedIn) {
      setCount(null);
      return;
    }
    let live = true;
    fetchUnread(api).then((n) => { if (live) setCount(n); }, () => { /* the count is a nicety; pages show errors */ });
    return () => { live = false; };
  }, [path, signedIn, bump, api]);
  return count;
}

// "Notifications (3)" to see; "Notifications, 3 unread" to hear.
export function NotificationsNavLabel({ label, count }: { label: string; count: number | null }) {
  const { visible, spoken } = unreadLabel(count);
  return (
    <span class="notifications-nav-label">
      {visible ? (
        <>
          <span aria-hidden="true">{label}{visible}</span>
          <span class="visually-hidden">{label}{spoken}</span>
        </>
      ) : label}
    </span>
  );
}

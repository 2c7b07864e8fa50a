// The API calls of the notifications page and of the unread count in the header.
import { ApiClient } from '../../api';

export type NotificationKind =
  | 'kudos' | 'pledge_activated' | 'pledge_expired' | 'grant_received' | 'grant_revoked' | 'circle_joined' | 'plan_comment';

export interface Notification {
  id: number;
  kind: NotificationKind;
  object_id: number;
  text: string;
  created_at: string;
  read: boolean;
}

export interface NotificationPage {
  notifications: Notification[];
  unread: number;
  next: number | null;
}

export const PAGE_SIZE = 20;

export function fetchNotifications(api: ApiClient, before: number | null = null, limit = PAGE_SIZE): Promise<NotificationPage> {
  const q = new URLSearchParams({ limit: String(limit) });
  if (before !== null) q.set('before', String(before));
  return api.request<NotificationPage>('GET', `/notifications?${q}`);
}

// Marks one notification read, or all of them without an id.
export function markRead(api: ApiClient, id?: number): Promise<{ marked: number }> {
  return api.request<{ marked: number }>('POST', '/notifications/read', { body: id === undefined ? {} : { id } });
}

export function fetchWinText(api: ApiClient, id: number): Promise<string> {
  return api.request<{ text: string }>('GET', `/wins/${id}`).then((w) => w.text);
}

export function fetchPledgeCircle(api: ApiClient, id: number): Promise<number> {
  return api.request<{ circle_id: number }>('GET', `/pledges/${id}`).then((p) => p.circle_id);
}

// The header's count: a read-only GET, so a client of its own (no CSRF token needed) will do.
let headerClient: ApiClient | null = null;
export function fetchUnread(api?: ApiClient): Promise<number> {
  const client = api ?? (headerClient ??= new ApiClient());
  return client.request<NotificationPage>('GET', '/notifications?limit=1').then((p) => p.unread);
}

// Tells the header that the unread count changed (the page marked something read).
export const UNREAD_CHANGED = 'headway:unread-changed';
export function announceUnreadChanged(): void {
  dispatchEvent(new Event(UNREAD_CHANGED));
}

// Pure logic of notifications: calm wording and an icon per kind, where each one leads, and the count.
import type { Notification, NotificationKind } from './data';

interface KindText {
  icon: string;
  title: string;
}

const KINDS: Record<NotificationKind, KindText> = {
  kudos: { icon: '👏', title: 'Kudos on your win' },
  pledge_activated: { icon: '🤝', title: 'A pledge you signed is now on' },
  pledge_expired: { icon: '🕊️', title: 'A pledge ended without enough signers; nobody is bound' },
  grant_received: { icon: '🔑', title: 'Someone shared their progress with you' },
  grant_revoked: { icon: '🔒', title: 'A shared view has ended' },
  circle_joined: { icon: '👋', title: 'Someone joined your circle' },
  plan_comment: { icon: '💬', title: 'A new comment on your conversation plan' },
};

export function kindText(kind: string): KindText {
  return (KINDS as Record<string, KindText>)[kind] ?? { icon: '🔔', title: 'Something new' };
}

// Where a notification leads, or null when there is no page for its object.
// Pledges lead to the circles page; the page itself may refine that to the pledge's circle.
export function notificationLink(n: Pick<Notification, 'kind' | 'object_id'>): string | null {
  switch (n.kind) {
    case 'kudos':
      return `/wins/${n.object_id}`;
    case 'grant_received':
    case 'grant_revoked':
      return '/partners';
    case 'circle_joined':
      return `/circles/${n.object_id}`;
    case 'pledge_activated':
    case 'pledge_expired':
      return '/circles';
    default:
      return null;
  }
}

// What the link says (the link's own words, so it makes sense read out alone).
export function linkText(n: Pick<Notification, 'kind'>): string {
  switch (n.kind) {
    case 'kudos':
      return 'See the win and its kudos';
    case 'grant_received':
      return 'Open what was shared';
    case 'grant_revoked':
      return 'See what is shared with you';
    case 'circle_joined':
      return 'Open the circle';
    case 'pledge_activated':
    case 'pledge_expired':
      return 'Open the pledge’s circle';
    default:
      return 'Open';
  }
}

export function isPledge(kind: string): boolean {
  return kind === 'pledge_activated' || kind === 'pledge_expired';
}

// The nav item's words: visible "Notifications (3)", heard "Notifications, 3 unread".
export function unreadLabel(count: number | null): { visible: string; spoken: string } {
  if (!count || count <= 0) return { visible: '', spoken: '' };
  const n = count > 99 ? '99+' : String(count);
  return { visible: ` (${n})`, spoken: `, ${n} unread` };
}

// Adds the next page, without repeating an item already shown.
export function appendPage(shown: readonly Notification[], more: readonly Notification[]): Notification[] {
  const seen = new Set(shown.map((n) => n.id));
  return [...shown, ...more.filter((n) => !seen.has(n.id))];
}

// Marks one (or, without an id, every) notification read in the list shown.
export function markShown(list: readonly Notification[], id?: number): Notification[] {
  return list.map((n) => (id === undefined || n.id === id ? (n.read ? n : { ...n, read: true }) : n));
}

import { describe, expect, it } from 'vitest';
import type { Notification } from '../src/components/notifications/data';
import { appendPage, isPledge, kindText, linkText, markShown, notificationLink, unreadLabel } from '../src/components/notifications/wording';

const KINDS = ['kudos', 'pledge_activated', 'pledge_expired', 'grant_received', 'grant_revoked', 'circle_joined', 'plan_comment'] as const;

function note(id: number, over: Partial<Notification> = {}): Notification {
  return { id, kind: 'kudos', object_id: 35, text: 'pat sent 🎉 on your win.', created_at: '2026-11-25T18:00:00Z', read: false, ...over };
}

describe('notification wording', () => {
  it('has its own calm title and icon for every kind', () => {
    const titles = KINDS.map((k) => kindText(k).title);
    expect(new Set(titles).size).toBe(KINDS.length);
    for (const k of KINDS) expect(kindText(k).icon).not.toBe('🔔');
    expect(kindText('pledge_expired').title).toMatch(/nobody is bound/);
  });
  it('has a fallback for a kind it does not know yet', () => {
    expect(kindText('something_new')).toEqual({ icon: '🔔', title: 'Something new' });
  });
});

describe('where a notification leads', () => {
  it('links each kind to the page of its object', () => {
    expect(notificationLink({ kind: 'kudos', object_id: 35 })).toBe('/wins/35');
    expect(notificationLink({ kind: 'grant_received', object_id: 4 })).toBe('/partners');
    expect(notificationLink({ kind: 'grant_revoked', object_id: 4 })).toBe('/partners');
    expect(notificationLink({ kind: 'circle_joined', object_id: 7 })).toBe('/circles/7');
    expect(notificationLink({ kind: 'pledge_activated', object_id: 9 })).toBe('/circles');
    expect(notificationLink({ kind: 'pledge_expired', object_id: 9 })).toBe('/circles');
    expect(notificationLink({ kind: 'plan_comment', object_id: 2 })).toBeNull();
  });
  it('says where each link goes, and which ones are pledges', () => {
    expect(linkText({ kind: 'kudos' })).toBe('See the win and its kudos');
    expect(linkText({ kind: 'circle_joined' })).toBe('Open the circle');
    expect(KINDS.filter(isPledge)).toEqual(['pledge_activated', 'pledge_expired']);
  });
});

describe('the unread count', () => {
  it('is visible in brackets and spoken as "N unread", and absent at zero', () => {
    expect(unreadLabel(3)).toEqual({ visible: ' (3)', spoken: ', 3 unread' });
    expect(unreadLabel(0)).toEqual({ visible: '', spoken: '' });
    expect(unreadLabel(null)).toEqual({ visible: '', spoken: '' });
    expect(unreadLabel(250)).toEqual({ visible: ' (99+)', spoken: ', 99+ unread' });
  });
});

describe('the list', () => {
  it('appends the next page without repeating an item', () => {
    expect(appendPage([note(5), note(4)], [note(4), note(3)]).map((n) => n.id)).toEqual([5, 4, 3]);
  });
  it('marks one or all read, leaving the others as they were', () => {
    const list = [note(3), note(2), note(1, { read: true })];
    expect(markShown(list, 2).map((n) => n.read)).toEqual([false, true, true]);
    expect(markShown(list).map((n) => n.read)).toEqual([true, true, true]);
    expect(list.map((n) => n.read)).toEqual([false, false, true]);
  });
});

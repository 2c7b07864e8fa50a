import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../src/api';
import { createFeed, feedDate, normalizeReminder, revokeFeed, setFeedReminder, stateOf, validateReminder } from '../src/feed';

describe('reminder times', () => {
  it('accepts HH:MM and H:MM and pads the hour', () => {
    expect(normalizeReminder('17:30')).toBe('17:30');
    expect(normalizeReminder('7:05')).toBe('07:05');
    expect(normalizeReminder(' 00:00 ')).toBe('00:00');
    expect(normalizeReminder('23:59')).toBe('23:59');
  });
  it('refuses what is not a time of day', () => {
    for (const bad of ['24:00', '12:60', '7pm', '', '1730', '12:5', '12:345', '-1:00'])
      expect(normalizeReminder(bad), bad).toBeNull();
    expect(validateReminder('7pm')).toMatch(/HH:MM/);
    expect(validateReminder('18:00')).toBeUndefined();
  });
});

describe('feed state and dates', () => {
  it('keeps no secret in the state of a new link', () => {
    const s = stateOf({ url: 'https://x/feed/hwf_a.ics', path: '/feed/hwf_a.ics', token: 'hwf_a', created_at: '2026-11-25T18:00:00Z', reminder: '17:30' });
    expect(s).toEqual({ exists: true, created_at: '2026-11-25T18:00:00Z', reminder: '17:30' });
    expect(JSON.stringify(s)).not.toContain('hwf_a');
  });
  it('shows the creation day in the person\'s zone', () => {
    expect(feedDate('2026-11-25T23:30:00Z', 'Europe/Berlin')).toBe('26 November 2026');
    expect(feedDate('2026-11-25T23:30:00Z', 'America/New_York')).toBe('25 November 2026');
    expect(feedDate('not a date', 'UTC')).toBe('not a date');
  });
});

describe('feed requests', () => {
  function client() {
    const fetch = vi.fn(async (_url: string, init: RequestInit) =>
      new Response(init.method === 'DELETE' ? null : '{}', { status: init.method === 'DELETE' ? 204 : 200 }));
    return { api: new ApiClient({ fetch }), fetch };
  }
  it('sends the reminder only when one is given', async () => {
    const { api, fetch } = client();
    await createFeed(api);
    await createFeed(api, '18:00');
    await setFeedReminder(api, '19:15');
    await revokeFeed(api);
    const calls = fetch.mock.calls.map(([url, init]) => [init.method, url, init.body]);
    expect(calls).toEqual([
      ['POST', '/api/v1/calendar-feed', '{}'],
      ['POST', '/api/v1/calendar-feed', '{"reminder":"18:00"}'],
      ['PATCH', '/api/v1/calendar-feed', '{"reminder":"19:15"}'],
      ['DELETE', '/api/v1/calendar-feed', undefined],
    ]);
  });
});

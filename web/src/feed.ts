// The calendar feed: its API calls, and the checks and texts of its settings section.
import type { ApiClient } from './api';

export interface FeedState {
  exists: boolean;
  created_at?: string;
  reminder?: string;
}

export interface CreatedFeed {
  url: string;
  path: string;
  token: string;
  created_at: string;
  reminder: string;
}

export function getFeed(api: ApiClient): Promise<FeedState> {
  return api.request<FeedState>('GET', '/calendar-feed');
}

// Makes the feed, or a new link that replaces the old one (which stops working at once).
export function createFeed(api: ApiClient, reminder?: string): Promise<CreatedFeed> {
  return api.request<CreatedFeed>('POST', '/calendar-feed', { body: reminder === undefined ? {} : { reminder } });
}

export function setFeedReminder(api: ApiClient, reminder: string): Promise<FeedState> {
  return api.request<FeedState>('PATCH', '/calendar-feed', { body: { reminder } });
}

export function revokeFeed(api: ApiClient): Promise<void> {
  return api.request<void>('DELETE', '/calendar-feed');
}

// "7:05" and "07:05" become "07:05"; anything else that is not a time of day is refused.
export function normalizeReminder(text: string): string | null {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

export function validateReminder(text: string): string | undefined {
  return normalizeReminder(text) === null ? 'Enter a time as HH:MM, such as 17:30.' : undefined;
}

// The state after a new link was made, without the secret.
export function stateOf(created: CreatedFeed): FeedState {
  return { exists: true, created_at: created.created_at, reminder: created.reminder };
}

// "25 November 2026" for an instant, in the person's zone.
export function feedDate(instant: string, timezone: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  try {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: timezone }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

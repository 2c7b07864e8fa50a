// The wins journal's filters: a date range for the API and a size the page filters by itself.
import type { FieldErrors } from './checkin-form';
import type { Win, WinSize } from './types';

export interface WinsFilter {
  from: string;
  to: string;
  size: WinSize | 'all';
}
export type WinsFilterField = 'from' | 'to';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// The default window, as the API's: the 28 days that end today.
export function defaultWinsFilter(today: string): WinsFilter {
  return { from: addDays(today, -27), to: today, size: 'all' };
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + days * 86_400_000);
  return t.toISOString().slice(0, 10);
}

export function validateWinsFilter(f: WinsFilter): FieldErrors<WinsFilterField> {
  const errors: FieldErrors<WinsFilterField> = {};
  if (!DAY.test(f.from)) errors.from = 'Enter a date as YYYY-MM-DD.';
  if (!DAY.test(f.to)) errors.to = 'Enter a date as YYYY-MM-DD.';
  if (!errors.from && !errors.to && f.from > f.to) errors.to = 'The end comes before the start.';
  return errors;
}

// Newest day first, and within a day the latest logged first.
export function filterWins(wins: readonly Win[], size: WinsFilter['size']): Win[] {
  return wins
    .filter((w) => size === 'all' || w.size === size)
    .sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
}

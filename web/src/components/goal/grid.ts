// The last 28 days as four rows of seven, ending today in the person's time zone.
import { todayIn } from '../../dates';
import { addDays } from '../../wins-filter';

export type CompletionSource = 'manual' | 'boundary';

export interface RecentCompletion {
  date: string;
  source: CompletionSource;
}

export interface GridDay {
  date: string;
  // 0 = Sunday ... 6 = Saturday, of the calendar day itself (not of any browser zone).
  weekday: number;
  dayOfMonth: number;
  source: CompletionSource | null;
  today: boolean;
}

export const GRID_DAYS = 28;

function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
}

// Weeks oldest first; the last cell is `today`. A day the person marked themselves counts as
// "manual" even when a kept boundary also counted it.
export function completionGrid(recent: readonly RecentCompletion[], today: string): GridDay[][] {
  const byDate = new Map<string, CompletionSource>();
  for (const c of recent) {
    if (c.source === 'manual' || !byDate.has(c.date)) byDate.set(c.date, c.source);
  }
  const weeks: GridDay[][] = [];
  for (let w = 0; w < GRID_DAYS / 7; w++) {
    const week: GridDay[] = [];
    for (let d = 0; d < 7; d++) {
      const date = addDays(today, w * 7 + d - (GRID_DAYS - 1));
      week.push({
        date,
        weekday: weekdayOf(date),
        dayOfMonth: Number(date.slice(8, 10)),
        source: byDate.get(date) ?? null,
        today: date === today,
      });
    }
    weeks.push(week);
  }
  return weeks;
}

export function completionGridIn(recent: readonly RecentCompletion[], timeZone: string, now: Date = new Date()): GridDay[][] {
  return completionGrid(recent, todayIn(timeZone, now));
}

export function gridCounts(weeks: readonly GridDay[][]): { manual: number; boundary: number; done: number } {
  let manual = 0;
  let boundary = 0;
  for (const day of weeks.flat()) {
    if (day.source === 'manual') manual++;
    else if (day.source === 'boundary') boundary++;
  }
  return { manual, boundary, done: manual + boundary };
}

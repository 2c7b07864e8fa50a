// The habit-strength trend shaped for uPlot, and said in words for those who do not see the chart.

export interface TrendPoint {
  date: string;
  strength: number;
}

const clamp = (n: number) => Math.max(0, Math.min(100, Number.isFinite(n) ? n : 0));

// Seconds since the epoch at midnight UTC of a YYYY-MM-DD day; the chart reads its axis in UTC too,
// so each point sits on its own calendar day whatever the browser's zone.
export function dayToSeconds(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 1000;
}

// [x seconds, y strengths], oldest first, with strengths held to 0-100 and bad dates dropped.
export function strengthSeries(trend: readonly TrendPoint[]): [number[], number[]] {
  const points = trend
    .filter((p) => /^\d{4}-\d{2}-\d{2}$/.test(p.date))
    .map((p) => [dayToSeconds(p.date), clamp(p.strength)] as const)
    .sort((a, b) => a[0] - b[0]);
  return [points.map((p) => p[0]), points.map((p) => p[1])];
}

// Short day, e.g. "28 Aug 2026" (the locale decides the order), read in UTC as the day it names.
export function shortDay(date: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(dayToSeconds(date) * 1000));
}

// One sentence about the trend: where it started, where it is, and its highest point.
export function strengthSummary(trend: readonly TrendPoint[], locale?: string): string {
  if (trend.length === 0) return 'No habit strength recorded yet.';
  const first = trend[0]!;
  const last = trend[trend.length - 1]!;
  const high = trend.reduce((best, p) => (p.strength > best.strength ? p : best), first);
  const r = (n: number) => Math.round(clamp(n));
  if (trend.length === 1) return `Habit strength ${r(last.strength)} of 100 on ${shortDay(last.date, locale)}.`;
  return `Habit strength went from ${r(first.strength)} on ${shortDay(first.date, locale)} to ${r(last.strength)} ` +
    `on ${shortDay(last.date, locale)}, out of 100; the highest was ${r(high.strength)} on ${shortDay(high.date, locale)}.`;
}

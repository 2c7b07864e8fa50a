// Daily trend series from check-ins: one slot per day in the range, null where there is no check-in.
import type { CheckIn } from '../../types';

export type RangeWeeks = 4 | 12;

export const RANGES: readonly { weeks: RangeWeeks; label: string }[] = [
  { weeks: 4, label: '4 weeks' },
  { weeks: 12, label: '12 weeks' },
];

export const DEFAULT_RANGE: RangeWeeks = 12;

export type MetricKey = 'stress' | 'energy' | 'hours' | 'afterHours';

export interface Metric<K extends string = MetricKey> {
  key: K;
  title: string;
  // What the numbers mean, said once under the chart.
  scale: string;
  min: number;
  // The least the axis shows at the top; larger values stretch it.
  max: number;
  fixed: boolean;
  // The y axis's top is rounded up to a multiple of this (default: 2 for hours, else 30).
  step?: number;
  format: (v: number) => string;
}

// How a chart speaks of a day without data: check-ins by default, imported evidence elsewhere.
export interface GapWords {
  missing: string;   // a table cell: "No check-in"
  days: string;      // "days without a check-in"
  have: string;      // "have a check-in"
  none: string;      // "No check-ins"
}

export const CHECKIN_GAPS: GapWords = {
  missing: 'No check-in', days: 'days without a check-in', have: 'have a check-in', none: 'No check-ins',
};

const oneDecimal = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

export const METRICS: readonly Metric[] = [
  { key: 'stress', title: 'Stress', scale: '1 = calm, 5 = very stressed', min: 1, max: 5, fixed: true, format: oneDecimal },
  { key: 'energy', title: 'Energy', scale: '1 = drained, 5 = full of energy', min: 1, max: 5, fixed: true, format: oneDecimal },
  {
    key: 'hours', title: 'Hours worked', scale: 'hours worked each day; a day off counts as 0', min: 0, max: 10, fixed: false,
    format: (v) => `${oneDecimal(v)} h`,
  },
  {
    key: 'afterHours', title: 'After-hours work', scale: 'minutes of work outside your work hours each day', min: 0, max: 60,
    fixed: false, format: (v) => `${Math.round(v)} min`,
  },
];

export interface Trends {
  days: string[];
  stress: (number | null)[];
  energy: (number | null)[];
  hours: (number | null)[];
  afterHours: (number | null)[];
  // How many days of the range have a check-in.
  checkedIn: number;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + days * 86_400_000);
  return t.toISOString().slice(0, 10);
}

// The last `weeks` whole weeks of days, ending with today.
export function rangeFor(today: string, weeks: RangeWeeks): { from: string; to: string } {
  return { from: addDays(today, -(weeks * 7 - 1)), to: today };
}

// Every day from `from` to `to`, both included.
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to && days.length < 3700; d = addDays(d, 1)) days.push(d);
  return days;
}

// Seconds since the epoch at the start of the (UTC) day, as uPlot's x axis wants.
export function daySeconds(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 1000;
}

// One value per day; days with no check-in are null (a gap), never 0. Unrecorded after-hours
// minutes on a day with a check-in count as none, as the weekly report counts them. A check-in
// without recorded times (imported moods: not off, no start) is a gap for hours and after-hours.
export function trendSeries(checkins: readonly CheckIn[], from: string, to: string): Trends {
  const byDay = new Map(checkins.map((c) => [c.date, c]));
  const days = daysBetween(from, to);
  const pick = (f: (c: CheckIn) => number | null) => days.map((d) => {
    const c = byDay.get(d);
    return c ? f(c) : null;
  });
  return {
    days,
    stress: pick((c) => c.stress),
    energy: pick((c) => c.energy),
    hours: pick((c) => (c.off ? 0 : c.start === null ? null : c.worked_minutes / 60)),
    afterHours: pick((c) => (!c.off && c.start === null ? null : c.after_hours ?? 0)),
    checkedIn: days.filter((d) => byDay.has(d)).length,
  };
}

export interface HalfAverage {
  mean: number | null;
  count: number;
}

function average(values: readonly (number | null)[]): HalfAverage {
  const present = values.filter((v): v is number => v !== null);
  return { mean: present.length ? present.reduce((a, b) => a + b, 0) / present.length : null, count: present.length };
}

// Averages over the first and the second half of the range (the middle day, if any, goes second).
export function halfAverages(values: readonly (number | null)[]): { first: HalfAverage; second: HalfAverage } {
  const mid = Math.floor(values.length / 2);
  return { first: average(values.slice(0, mid)), second: average(values.slice(mid)) };
}

// A plain-text summary of one chart: the two halves' averages and how many days have data.
export function trendSummary(metric: Metric<string>, values: readonly (number | null)[], weeks: RangeWeeks,
  gaps: GapWords = CHECKIN_GAPS): string {
  const { first, second } = halfAverages(values);
  const half = `${weeks / 2} weeks`;
  const days = values.length;
  const have = first.count + second.count;
  if (have === 0) return `${gaps.none} in these ${weeks} weeks, so no ${metric.title.toLowerCase()} to show.`;
  const none = gaps.none.charAt(0).toLowerCase() + gaps.none.slice(1);
  const part = (h: HalfAverage, which: string) =>
    h.mean === null ? `${none} in the ${which} ${half}` : `${metric.format(h.mean)} in the ${which} ${half}`;
  const coverage = `${have} of ${days} days ${gaps.have}.`;
  return `Average ${metric.title.toLowerCase()}: ${part(first, 'first')}, ${part(second, 'last')} (${metric.scale}). ${coverage}`;
}

// The highest value the y axis needs: the metric's usual top, stretched to fit the data.
export function axisTop(metric: Metric<string>, values: readonly (number | null)[]): number {
  if (metric.fixed) return metric.max;
  const top = Math.max(metric.max, ...values.filter((v): v is number => v !== null));
  const step = metric.step ?? (metric.key === 'hours' ? 2 : 30);
  return Math.ceil(top / step) * step;
}

// The work pattern from imported calendars and activity (GET /signals): daily series for the trend
// charts and a week heatmap (weeks as rows, Monday to Sunday as columns). Pure, so it is tested
// without a browser. A day no source covers is "no evidence": a gap or an unknown cell, never a 0.
import type { DailySignals } from '../../types';
import { addDays, mondayOf, shortDay, weekdayIndex } from '../boundaries/days';
import type { Metric } from './series';
import { daysBetween } from './series';

// A day some calendar or activity source covers; only such a day's zeros mean "none".
export function isCovered(s: DailySignals | undefined): s is DailySignals {
  return s !== undefined && (s.has_calendar === true || s.has_activity === true);
}

// 0 → "0 min", 45 → "45 min", 90 → "1 h 30 min", 120 → "2 h".
export function minutesText(minutes: number): string {
  const m = Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes) : 0;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

const oneDecimal = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

export type SignalMetricKey = 'workHours' | 'afterHoursMinutes' | 'meetingHours' | 'focusHours';

export const SIGNAL_METRICS: readonly Metric<SignalMetricKey>[] = [
  {
    key: 'workHours', title: 'Work time', scale: 'hours of meetings and tracked activity each day', min: 0, max: 8,
    fixed: false, step: 2, format: (v) => `${oneDecimal(v)} h`,
  },
  {
    key: 'afterHoursMinutes', title: 'After-hours time', scale: 'minutes of work outside your work hours each day', min: 0,
    max: 60, fixed: false, step: 30, format: (v) => `${Math.round(v)} min`,
  },
  {
    key: 'meetingHours', title: 'Meetings', scale: 'hours in meetings each day', min: 0, max: 4, fixed: false, step: 1,
    format: (v) => `${oneDecimal(v)} h`,
  },
  {
    key: 'focusHours', title: 'Longest focus block', scale: 'hours of the longest free stretch in work hours (0 under an hour)',
    min: 0, max: 4, fixed: false, step: 1, format: (v) => `${oneDecimal(v)} h`,
  },
];

export interface SignalSeries {
  days: string[];
  workHours: (number | null)[];
  afterHoursMinutes: (number | null)[];
  meetingHours: (number | null)[];
  focusHours: (number | null)[];
  // Days of the range some source covers.
  covered: number;
}

// One value per day from `from` to `to`; null where no source covers the day. The focus block
// needs a calendar (free time is read from it), so a day only an activity tracker covers is a gap
// there too.
export function signalSeries(signals: readonly DailySignals[], from: string, to: string): SignalSeries {
  const byDay = new Map(signals.map((s) => [s.date, s]));
  const days = daysBetween(from, to);
  const pick = (f: (s: DailySignals) => number | null) => days.map((d) => {
    const s = byDay.get(d);
    return isCovered(s) ? f(s) : null;
  });
  return {
    days,
    workHours: pick((s) => s.work_minutes / 60),
    afterHoursMinutes: pick((s) => s.after_hours_minutes),
    meetingHours: pick((s) => s.meeting_minutes / 60),
    focusHours: pick((s) => (s.has_calendar ? s.longest_focus_minutes / 60 : null)),
    covered: days.filter((d) => isCovered(byDay.get(d))).length,
  };
}

// --- the heatmap ----------------------------------------------------------------------------------

export type HeatKey = 'afterHours' | 'work' | 'meetings';

export interface HeatMetric {
  key: HeatKey;
  // The select's option.
  label: string;
  minutes: (s: DailySignals) => number;
  // "45 min after hours"
  describe: (minutes: number) => string;
  // Upper bounds (exclusive, in minutes) of shades 1, 2 and 3; shade 4 is anything above, 0 is none.
  steps: readonly [number, number, number];
}

export const HEAT_METRICS: readonly HeatMetric[] = [
  {
    key: 'afterHours', label: 'After-hours time', minutes: (s) => s.after_hours_minutes,
    describe: (m) => `${minutesText(m)} after hours`, steps: [30, 60, 120],
  },
  {
    key: 'work', label: 'Work time', minutes: (s) => s.work_minutes,
    describe: (m) => `${minutesText(m)} worked`, steps: [240, 480, 600],
  },
  {
    key: 'meetings', label: 'Meetings', minutes: (s) => s.meeting_minutes,
    describe: (m) => `${minutesText(m)} in meetings`, steps: [60, 120, 240],
  },
];

export const DEFAULT_HEAT: HeatKey = 'afterHours';

export function heatMetric(key: string): HeatMetric {
  return HEAT_METRICS.find((m) => m.key === key) ?? (HEAT_METRICS[0] as HeatMetric);
}

export type Shade = 0 | 1 | 2 | 3 | 4;

// The shade of a day's minutes: 0 for none, then one step per bound passed.
export function shadeFor(minutes: number, steps: readonly [number, number, number]): Shade {
  if (!(minutes > 0)) return 0;
  if (minutes < steps[0]) return 1;
  if (minutes < steps[1]) return 2;
  if (minutes < steps[2]) return 3;
  return 4;
}

// What each shade means, for the legend: "None", "Under 30 min", "30 min to 1 h", …
export function shadeLegend(metric: HeatMetric): { shade: Shade; text: string }[] {
  const [a, b, c] = metric.steps;
  return [
    { shade: 0, text: 'None' },
    { shade: 1, text: `Under ${minutesText(a)}` },
    { shade: 2, text: `${minutesText(a)} to ${minutesText(b)}` },
    { shade: 3, text: `${minutesText(b)} to ${minutesText(c)}` },
    { shade: 4, text: `${minutesText(c)} or more` },
  ];
}

// What a cell shows: few characters, so seven fit a phone's width. "45m", "2.5h", "0"; "?" unknown.
export function shortValue(minutes: number | null): string {
  if (minutes === null) return '?';
  const m = Math.max(0, Math.round(minutes));
  if (m === 0) return '0';
  if (m < 60) return `${m}m`;
  return `${(Math.round((m / 60) * 10) / 10).toString()}h`;
}

export interface PatternCell {
  date: string;
  // null: no source covers the day.
  minutes: number | null;
  shade: Shade | null;
  label: string;
}

export interface PatternWeek {
  monday: string;
  // Monday to Sunday; null for a day outside the range.
  days: (PatternCell | null)[];
}

export interface PatternHeatmap {
  weeks: PatternWeek[];  // oldest first
  known: number;         // covered days
  unknown: number;       // days of the range nothing covers
  total: number;         // the metric's minutes over the covered days
}

// "Tue 3 Nov: 45 min after hours", or "Tue 3 Nov: no evidence".
export function patternLabel(date: string, minutes: number | null, metric: HeatMetric): string {
  return `${shortDay(date)}: ${minutes === null ? 'no evidence' : metric.describe(minutes)}`;
}

export function patternCell(date: string, s: DailySignals | undefined, metric: HeatMetric): PatternCell {
  const minutes = isCovered(s) ? metric.minutes(s) : null;
  return { date, minutes, shade: minutes === null ? null : shadeFor(minutes, metric.steps), label: patternLabel(date, minutes, metric) };
}

// Whole weeks from the Monday of `from` to the week of `to`; days outside [from, to] are null.
export function buildPatternHeatmap(signals: readonly DailySignals[], from: string, to: string, metric: HeatMetric): PatternHeatmap {
  const byDay = new Map(signals.map((s) => [s.date, s]));
  const out: PatternHeatmap = { weeks: [], known: 0, unknown: 0, total: 0 };
  if (to < from) return out;
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    const week: PatternWeek = { monday, days: [] };
    for (let i = 0; i < 7; i++) {
      const date = addDays(monday, i);
      if (date < from || date > to) {
        week.days.push(null);
        continue;
      }
      const cell = patternCell(date, byDay.get(date), metric);
      if (cell.minutes === null) out.unknown += 1;
      else {
        out.known += 1;
        out.total += cell.minutes;
      }
      week.days.push(cell);
    }
    out.weeks.push(week);
  }
  return out;
}

// A sentence under the heatmap: the total, and how many days nothing covers.
export function heatmapSummary(h: PatternHeatmap, metric: HeatMetric): string {
  const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  if (h.known === 0) return 'No imported calendar or activity covers these days.';
  const unknown = h.unknown === 0 ? '' : ` ${days(h.unknown)} had no evidence.`;
  return `${metric.label}: ${minutesText(h.total)} over ${days(h.known)} with evidence.${unknown}`;
}

// Where a key moves the selected day in the grid, rows being weeks and columns weekdays (the ARIA
// grid pattern: Home and End go along the row, with Ctrl to the first and last day), kept inside
// [from, to]; null for a key the grid does not use. At an edge the selection stays.
export function moveInWeeks(date: string, key: string, from: string, to: string, ctrl = false): string | null {
  const clamp = (d: string) => (d < from ? from : d > to ? to : d);
  let next: string;
  switch (key) {
    case 'ArrowLeft': next = addDays(date, -1); break;
    case 'ArrowRight': next = addDays(date, 1); break;
    case 'ArrowUp': next = addDays(date, -7); break;
    case 'ArrowDown': next = addDays(date, 7); break;
    case 'Home': return ctrl ? from : clamp(addDays(date, -weekdayIndex(date)));
    case 'End': return ctrl ? to : clamp(addDays(date, 6 - weekdayIndex(date)));
    default: return null;
  }
  return next < from || next > to ? date : next;
}

// Everything known about one day, for the selected cell: "Tue 17 Nov: 2 h 15 min worked, 1 h after
// hours, 2 h 15 min in meetings (1 h after hours), longest focus block 4 h 15 min, 09:30 to 19:00."
export function dayDetail(date: string, s: DailySignals | undefined): string {
  if (!isCovered(s)) return `${shortDay(date)}: no evidence. No imported calendar or activity covers this day.`;
  const parts = [`${minutesText(s.work_minutes)} worked`, `${minutesText(s.after_hours_minutes)} after hours`];
  const meetings = `${minutesText(s.meeting_minutes)} in meetings`;
  parts.push(s.after_hours_meeting_minutes > 0 ? `${meetings} (${minutesText(s.after_hours_meeting_minutes)} after hours)` : meetings);
  if (s.has_calendar) parts.push(s.longest_focus_minutes > 0 ? `longest focus block ${minutesText(s.longest_focus_minutes)}` : 'no focus block of an hour');
  if (s.first_activity && s.last_activity) parts.push(`${s.first_activity} to ${s.last_activity}`);
  return `${shortDay(date)}: ${parts.join(', ')}.`;
}

// Pure logic of the evidence page: source names from file names, hours as h:mm, the 28-day table.

export type ImportKind = 'calendar' | 'activitywatch' | 'timewarrior';

import type { DailySignals } from '../../types';

export type Signal = DailySignals;

export const SIGNAL_DAYS = 28;
const DAY_MS = 86_400_000;

// "Work Calendar (2).ics" → "Work Calendar (2)"; an empty or dot-only name gives the kind's default.
export function sourceNameFromFile(fileName: string, kind: ImportKind): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[A-Za-z0-9]{1,8}$/, '').trim();
  return stem === '' ? kind : stem.slice(0, 100);
}

// The kind a file name suggests, or null when it does not say.
export function kindFromFile(fileName: string): ImportKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.ics') || lower.endsWith('.ical') || lower.endsWith('.ifb')) return 'calendar';
  if (lower.includes('timew')) return 'timewarrior';
  if (lower.includes('aw-') || lower.includes('activitywatch')) return 'activitywatch';
  return null;
}

// 0 → "0:00", 75 → "1:15", 605 → "10:05"; negative or non-finite values count as 0.
export function formatHours(minutes: number): string {
  const m = Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes) : 0;
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

// Monday 0 … Sunday 6.
export function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

// The last 28 days up to and including `today`.
export function signalRange(today: string): { from: string; to: string } {
  return { from: addDays(today, -(SIGNAL_DAYS - 1)), to: today };
}

export interface DayCell {
  date: string;
  work: number;
  afterHours: number;
  // Outside the range (the table is padded to whole weeks from Monday).
  outside: boolean;
}

export interface WeekRow {
  monday: string;
  days: DayCell[];  // Monday to Sunday
  work: number;
  afterHours: number;
}

// Whole weeks (Monday to Sunday) covering from..to; days without a signal count as 0.
export function signalWeeks(signals: readonly Signal[], from: string, to: string): WeekRow[] {
  const byDate = new Map(signals.map((s) => [s.date, s]));
  const rows: WeekRow[] = [];
  for (let monday = addDays(from, -weekday(from)); monday <= to; monday = addDays(monday, 7)) {
    const days: DayCell[] = [];
    for (let i = 0; i < 7; i++) {
      const date = addDays(monday, i);
      const outside = date < from || date > to;
      const s = outside ? undefined : byDate.get(date);
      days.push({ date, work: s?.work_minutes ?? 0, afterHours: s?.after_hours_minutes ?? 0, outside });
    }
    const inside = days.filter((d) => !d.outside);
    rows.push({
      monday,
      days,
      work: inside.reduce((sum, d) => sum + d.work, 0),
      afterHours: inside.reduce((sum, d) => sum + d.afterHours, 0),
    });
  }
  return rows;
}

// The chart's series: one point per day from..to (seconds at UTC midnight), in minutes.
export function signalSeries(signals: readonly Signal[], from: string, to: string) {
  const byDate = new Map(signals.map((s) => [s.date, s]));
  const x: number[] = [];
  const work: number[] = [];
  const afterHours: number[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const s = byDate.get(d);
    x.push(Date.parse(`${d}T00:00:00Z`) / 1000);
    work.push(s?.work_minutes ?? 0);
    afterHours.push(s?.after_hours_minutes ?? 0);
  }
  return { x, work, afterHours };
}

// A y-axis top in whole hours, at least 2 h.
export function chartTop(values: readonly number[]): number {
  const max = Math.max(0, ...values);
  return Math.max(120, Math.ceil(max / 60) * 60);
}

// The weekly review's pure logic: which week, moving between weeks (never past this one), and the
// report summarised into what the page shows.
import { byteLength, type FieldErrors } from '../../checkin-form';
import { addDays, dayMonth, isDay, mondayOf, shortDay } from '../boundaries/days';
import type { DailySignals } from '../../types';
import { isCovered } from '../insights/work-pattern';
import type { Reflection, ReportGoal, StageChange, WeeklyReport } from './data';

// The Monday of the week to show: the one asked for (any day in it), never later than this week.
export function reviewWeek(today: string, requested: string | null | undefined): string {
  const current = mondayOf(today);
  if (!requested || !isDay(requested)) return current;
  const monday = mondayOf(requested);
  return monday > current ? current : monday;
}

export function shiftWeek(monday: string, weeks: number, today: string): string {
  return reviewWeek(today, addDays(monday, 7 * weeks));
}

export function isThisWeek(monday: string, today: string): boolean {
  return monday === mondayOf(today);
}

// "23 Nov – 29 Nov 2026"
export function weekRange(monday: string): string {
  const sunday = addDays(monday, 6);
  return `${dayMonth(monday)} – ${dayMonth(sunday)} ${sunday.slice(0, 4)}`;
}

// "2026-W48" → "Week 48"
export function weekName(isoWeek: string): string {
  const m = /-W(\d{1,2})$/.exec(isoWeek);
  return m ? `Week ${Number(m[1])}` : isoWeek;
}

// 1367 → "22 h 47 min"; 45 → "45 min"; 0 → "0 h".
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

export function formatAverage(n: number): string {
  return n.toFixed(1);
}

// "1.3, lower than last week (1.6)"; honest when either week has no check-ins.
export function compareAverage(now: number | null | undefined, prev: number | null | undefined): string {
  if (now === null || now === undefined) return 'no check-ins this week';
  const head = formatAverage(now);
  if (prev === null || prev === undefined) return `${head} (no check-ins the week before to compare)`;
  const diff = now - prev;
  const how = Math.abs(diff) < 0.1 ? 'about the same as' : diff < 0 ? 'lower than' : 'higher than';
  return `${head}, ${how} last week (${formatAverage(prev)})`;
}

export interface BrokenBoundary {
  id: number;
  description: string;
  broken: number;
  evidence: string[];
}

export interface GoalLine {
  id: number;
  title: string;
  done: number;
  target: number;
  met: boolean;
  strength: number;
  change: number | null;
  changeText: string;
}

export interface ReviewSummary {
  checkins: number;
  hasData: boolean;
  workedText: string;
  afterHoursText: string;
  stressText: string;
  energyText: string;
  progressDays: number;
  setbackDays: string[];
  brokenBoundaries: BrokenBoundary[];
  goals: GoalLine[];
  stageChanges: string[];
}

export function strengthChangeText(change: number | null): string {
  if (change === null || Number.isNaN(change)) return 'no change to compare yet';
  if (Math.abs(change) < 0.05) return 'strength steady';
  const points = Math.abs(change).toFixed(1);
  return change > 0 ? `strength up ${points} points` : `strength down ${points} points; one quiet week never resets it`;
}

export function goalLine(g: ReportGoal): GoalLine {
  const change = typeof g.strength_change === 'number' ? g.strength_change : null;
  return {
    id: g.goal_id,
    title: g.title,
    done: g.done_this_week,
    target: g.target_this_week,
    met: g.target_this_week > 0 && g.done_this_week >= g.target_this_week,
    strength: g.habit_strength,
    change,
    changeText: strengthChangeText(change),
  };
}

// A stage change in kind, plain words: going back is part of the cycle, not a failure.
export function stageChangeSentence(s: StageChange): string {
  const when = shortDay(s.date);
  if (s.reason === 'recycled') {
    return `${when}: “${s.goal}” went back to ${s.to} to regroup. That is part of how change goes, and its history is kept.`;
  }
  if (s.from === null) return `${when}: “${s.goal}” started in ${s.to}.`;
  if (s.from === s.to) return `${when}: you checked in on “${s.goal}”; it is still in ${s.to}.`;
  return `${when}: “${s.goal}” moved from ${s.from} to ${s.to}.`;
}

export function summariseWeek(r: WeeklyReport): ReviewSummary {
  const checkins = r.checkins ?? 0;
  const brokenBoundaries = (r.boundaries ?? [])
    .filter((b) => b.broken > 0)
    .map((b) => ({ id: b.boundary_id, description: b.description, broken: b.broken, evidence: b.broken_evidence ?? [] }));
  const setbackDays = (r.days ?? []).filter((d) => d.checked_in && d.setback).map((d) => d.date);
  return {
    checkins,
    hasData: checkins > 0 || (r.wins ?? []).length > 0 || brokenBoundaries.length > 0 || (r.signals ?? []).length > 0,
    workedText: formatMinutes(r.worked_minutes ?? 0),
    afterHoursText: formatMinutes(r.after_hours_minutes ?? 0),
    stressText: compareAverage(r.avg_stress, r.prev_avg_stress),
    energyText: compareAverage(r.avg_energy, r.prev_avg_energy),
    progressDays: r.progress_days ?? 0,
    setbackDays,
    brokenBoundaries,
    goals: (r.goals ?? []).map(goalLine),
    stageChanges: (r.stage_changes ?? []).map(stageChangeSentence),
  };
}

// The reflections window: the twelve weeks that end with the shown week.
export function reflectionsRange(monday: string, today: string): { from: string; to: string } {
  const sunday = addDays(monday, 6);
  return { from: addDays(monday, -7 * 11), to: sunday < today ? sunday : today };
}

export function reflectionFor(list: readonly Reflection[], monday: string): Reflection | null {
  return list.find((r) => r.week === monday) ?? null;
}

// Oldest first, at most `n`, for the trend.
export function recentReflections(list: readonly Reflection[], n = 12): Reflection[] {
  return [...list].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0)).slice(-n);
}

export type ReflectionField = 'values' | 'note';

export function validateReflection(values: number | null, note: string): FieldErrors<ReflectionField> {
  const errors: FieldErrors<ReflectionField> = {};
  if (values === null) errors.values = 'Choose a number from 0 to 10.';
  else if (!Number.isInteger(values) || values < 0 || values > 10) errors.values = 'Choose a whole number from 0 to 10.';
  if (byteLength(note.trim()) > 2000) errors.note = 'Keep the note to at most 2000 bytes.';
  return errors;
}

export function isReflectionField(field: string | null): field is ReflectionField {
  return field === 'values' || field === 'note';
}

// --- what the imported calendar and activity show --------------------------------------------------

export interface EvidenceDay {
  date: string;
  known: boolean;  // false: nothing imported covers the day
  work: number;
  afterHours: number;
  meetings: number;
  focus: number | null;  // null without a calendar (free time is read from it)
}

export interface EvidenceWeek {
  days: EvidenceDay[];
  coveredDays: number;
  work: number;
  afterHours: number;
  meetings: number;
  afterHoursMeetings: number;
  longestFocus: number;
  // Work days that ended after the work hours, as the report counts them; null if it does not say.
  daysPastEnd: number | null;
}

// The week's signals summed over the days something covers; null when the report has none, so
// the section stays hidden.
export function evidenceWeek(r: WeeklyReport): EvidenceWeek | null {
  const signals: readonly DailySignals[] = r.signals ?? [];
  if (signals.length === 0) return null;
  const out: EvidenceWeek = {
    days: [], coveredDays: 0, work: 0, afterHours: 0, meetings: 0, afterHoursMeetings: 0, longestFocus: 0,
    daysPastEnd: r.evidence ? r.evidence.days_past_end : null,
  };
  for (const s of signals) {
    const known = isCovered(s);
    out.days.push({
      date: s.date, known, work: known ? s.work_minutes : 0, afterHours: known ? s.after_hours_minutes : 0,
      meetings: known ? s.meeting_minutes : 0, focus: known && s.has_calendar ? s.longest_focus_minutes : null,
    });
    if (!known) continue;
    out.coveredDays += 1;
    out.work += s.work_minutes;
    out.afterHours += s.after_hours_minutes;
    out.meetings += s.meeting_minutes;
    out.afterHoursMeetings += s.after_hours_meeting_minutes;
    out.longestFocus = Math.max(out.longestFocus, s.longest_focus_minutes);
  }
  return out;
}

// 0 → "0:00", 135 → "2:15": short enough for a phone's table.
export function clockHours(minutes: number): string {
  const m = Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes) : 0;
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

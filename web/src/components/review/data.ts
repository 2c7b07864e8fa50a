// The weekly review's API calls and the shapes they answer (openapi: WeeklyReport, Reflection).
import type { ApiClient } from '../../api';
import type { DailySignals, Win } from '../../types';

export type DayStatus = 'kept' | 'broken' | 'unknown' | null;

export interface ReportDay {
  date: string;
  checked_in: boolean;
  off?: boolean;
  worked_minutes?: number;
  after_hours?: number | null;
  stress?: number;
  energy?: number;
  progress?: boolean;
  setback?: boolean;
}

export interface ReportBoundary {
  boundary_id: number;
  type: string;
  description: string;
  days: DayStatus[];
  kept: number;
  broken: number;
  unknown: number;
  broken_evidence: string[];
  four_week_kept_rate: number | null;
}

export interface ReportGoal {
  goal_id: number;
  title: string;
  frequency: string;
  stage: string | null;
  done_this_week: number;
  target_this_week: number;
  habit_strength: number;
  strength_change: number | null;
  streak: number;
  streak_unit: 'days' | 'weeks';
}

export interface StageChange {
  date: string;
  goal: string;
  goal_id: number;
  from: string | null;
  to: string;
  reason: string;
}

export interface WeeklyReport {
  person: string;
  timezone: string;
  week: string;
  from: string;
  to: string;
  checkins?: number;
  worked_minutes?: number;
  after_hours_minutes?: number;
  avg_stress?: number | null;
  avg_energy?: number | null;
  prev_avg_stress?: number | null;
  prev_avg_energy?: number | null;
  days?: ReportDay[];
  boundaries?: ReportBoundary[];
  wins?: Win[];
  setbacks?: number;
  progress_days?: number;
  goals?: ReportGoal[];
  stage_changes?: StageChange[];
  reflections?: { week: string; values: number }[];
  what_helped?: string[];
  // The week's 7 days from imported calendars and activity; empty when nothing covers the week.
  signals?: DailySignals[];
  evidence?: ReportEvidence | null;
}

// The report's sums of `signals` (null when it is empty).
export interface ReportEvidence {
  work_minutes: number;
  after_hours_minutes: number;
  meeting_minutes: number;
  after_hours_meeting_minutes: number;
  longest_focus_minutes: number;
  days_past_end: number;
}

export interface Reflection {
  week: string;
  values: number;
  note: string;
  updated_at: string;
}

export interface ReflectionCreate {
  values: number;
  date: string;
  note?: string | null;
}

export function weeklyReport(api: ApiClient, date: string): Promise<WeeklyReport> {
  return api.request<WeeklyReport>('GET', `/reports/week?${new URLSearchParams({ date })}`);
}

export function reflections(api: ApiClient, from: string, to: string): Promise<Reflection[]> {
  return api.request<Reflection[]>('GET', `/reflections?${new URLSearchParams({ from, to })}`);
}

export function reflect(api: ApiClient, body: ReflectionCreate): Promise<Reflection> {
  return api.request<Reflection>('POST', '/reflections', { body });
}

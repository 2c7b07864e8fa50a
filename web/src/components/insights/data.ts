// What the insights page reads from the API: check-ins, the weekly report's correlations, goals' stage history.
import type { ApiClient } from '../../api';
import type { CheckIn, DailySignals, GoalView, Stage } from '../../types';

// One correlation from the weekly report (last 90 days); rho and the interval are null without data.
export interface Insight {
  id: string;
  question: string;
  rho: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number;
  clear: boolean;
  sentence: string;
}

export interface StageEntry {
  id: number;
  stage: Stage;
  answer: string | null;
  reason: 'answered' | 'recycled';
  date: string;
  note: string;
}

export interface GoalWithStages extends GoalView {
  stage_history?: StageEntry[];
}

interface WeekReport {
  insights?: Insight[];
}

export function loadCheckIns(api: ApiClient, from: string, to: string): Promise<CheckIn[]> {
  return api.request<CheckIn[]>('GET', `/checkins?${new URLSearchParams({ from, to })}`);
}

export async function loadInsights(api: ApiClient): Promise<Insight[]> {
  const report = await api.request<WeekReport>('GET', '/reports/week');
  return report.insights ?? [];
}

export function loadGoals(api: ApiClient): Promise<GoalWithStages[]> {
  return api.request<GoalWithStages[]>('GET', '/goals');
}

// Daily signals from imported calendars and activity, with has_calendar / has_activity per day.
export function loadSignals(api: ApiClient, from: string, to: string): Promise<DailySignals[]> {
  return api.request<DailySignals[]>('GET', `/signals?${new URLSearchParams({ from, to })}`);
}

// How many calendar and activity sources the person has imported (GET /imports).
export async function countSources(api: ApiClient): Promise<number> {
  return (await api.request<unknown[]>('GET', '/imports')).length;
}

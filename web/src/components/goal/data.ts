// The goal page's API calls and the fuller goal view that GET /goals/{id} answers.
import type { ApiClient } from '../../api';
import type { GoalView, Stage } from '../../types';
import type { RecentCompletion } from './grid';
import type { TrendPoint } from './chart-data';
import type { Barrier, StagingAnswer } from './labels';

export interface StageEntry {
  id: number;
  stage: Stage;
  answer: StagingAnswer | null;
  reason: 'answered' | 'recycled';
  date: string;
  note: string;
}

export interface GoalDetail extends GoalView {
  barrier: Barrier | null;
  boundary_id: number | null;
  boundary: string | null;
  value_ids: number[];
  created_at: string;
  restage_due: boolean;
  stage_history: StageEntry[];
  recent_completions: RecentCompletion[];
  strength_trend: TrendPoint[];
}

export interface GoalDone {
  added: boolean;
  goal: GoalDetail;
}

const path = (id: number, rest = '') => `/goals/${encodeURIComponent(String(id))}${rest}`;

export function fetchGoal(api: ApiClient, id: number): Promise<GoalDetail> {
  return api.request<GoalDetail>('GET', path(id));
}

export function markDone(api: ApiClient, id: number, date?: string): Promise<GoalDone> {
  return api.request<GoalDone>('POST', path(id, '/done'), { body: date ? { date } : {} });
}

export function recordSlip(api: ApiClient, id: number, note: string): Promise<GoalDetail> {
  const text = note.trim();
  return api.request<GoalDetail>('POST', path(id, '/slip'), { body: text ? { note: text } : {} });
}

export function restage(api: ApiClient, id: number, answer: StagingAnswer): Promise<GoalDetail> {
  return api.request<GoalDetail>('POST', path(id, '/stage'), { body: { answer } });
}

export function archiveGoal(api: ApiClient, id: number): Promise<void> {
  return api.request<void>('DELETE', path(id));
}

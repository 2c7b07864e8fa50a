// The onboarding's API calls and the shapes they answer (share/api/openapi.json).
import { ApiError, type ApiClient } from '../../api';
import type { CheckInPut, CheckInResult, GoalCreate, GoalView, Win, WinCreate } from '../../types';
import { planValueSync, sameName } from './values-sort';

export interface Value {
  id: number;
  name: string;
  custom: boolean;
  rank: number | null;
  created_at: string;
}

export interface CatalogueValue {
  name: string;
  description: string;
}

export const DRIVERS = ['health', 'family', 'personal-growth', 'purpose', 'fairness', 'collective-change', 'other'] as const;
export type Driver = (typeof DRIVERS)[number];

export const CATALYST_KINDS = ['health-scare', 'family-event', 'loss-of-purpose', 'burnout', 'other'] as const;
export type CatalystKind = (typeof CATALYST_KINDS)[number];

export interface MotivationProfile {
  drivers: { driver: Driver; rating: number; updated_at: string }[];
  catalysts: { id: number; kind: CatalystKind; date: string; note: string }[];
}

export interface CatalystCreate {
  kind: CatalystKind;
  date?: string | null;
  note?: string | null;
}

export const BARRIERS = ['workplace-expectations', 'mental-load', 'lack-of-support', 'unclear-goals', 'systemic'] as const;
export type Barrier = (typeof BARRIERS)[number];

export const STAGING_ANSWERS = [
  'not-intending', 'within-6-months', 'within-30-days', 'doing-less-than-6-months', 'doing-more-than-6-months',
] as const;
export type StagingAnswer = (typeof STAGING_ANSWERS)[number];

// A goal as the Goals page sends it, with the barrier and the staging answer onboarding adds.
export interface OnboardingGoalCreate extends GoalCreate {
  barrier: Barrier | null;
  stage_answer: StagingAnswer;
}

export interface StartData {
  catalogue: CatalogueValue[];
  values: Value[];
  profile: MotivationProfile;
}

export async function loadStart(api: ApiClient): Promise<StartData> {
  const [catalogue, values, profile] = await Promise.all([
    api.request<CatalogueValue[]>('GET', '/values/catalogue'),
    api.request<Value[]>('GET', '/values'),
    api.request<MotivationProfile>('GET', '/motivations'),
  ]);
  return { catalogue, values, profile };
}

// An ApiError about one value: which value the server refused, so the page can say so.
export class ValueError extends Error {
  constructor(readonly value: string, readonly error: ApiError) {
    super(error.message);
    this.name = 'ValueError';
  }
}

// Makes the stored values match the picked list: adds, removes, then ranks the first five in
// order. Values a goal still needs cannot be removed (409); they are answered in `kept`.
export async function saveValues(api: ApiClient, picked: readonly string[]): Promise<{ values: Value[]; kept: string[] }> {
  let values = await api.request<Value[]>('GET', '/values');
  const plan = planValueSync(values, picked);
  const kept: string[] = [];
  for (const v of plan.remove) {
    try {
      await api.request<void>('DELETE', `/values/${v.id}`);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 409)) throw e;
      kept.push(v.name);
    }
  }
  for (const name of plan.create) {
    try {
      await api.request<Value>('POST', '/values', { body: { name, rank: 0 } });
    } catch (e) {
      // Already there (e.g. saved from another tab): fine, it is ranked below.
      if (e instanceof ApiError && e.status === 409) continue;
      if (e instanceof ApiError) throw new ValueError(name, e);
      throw e;
    }
  }
  values = await api.request<Value[]>('GET', '/values');
  // Moving each of the top five to its place in turn leaves them at ranks 1..5 in order.
  for (const [i, name] of plan.rank.entries()) {
    const v = values.find((x) => sameName(x.name, name));
    if (v) values = await api.request<Value[]>('PATCH', `/values/${v.id}`, { body: { rank: i + 1 } });
  }
  // Anything else still ranked (a value kept by a goal) steps out of the top five.
  for (const v of values) {
    const inTop = plan.rank.some((name) => sameName(name, v.name));
    if (!inTop && v.rank !== null) {
      values = await api.request<Value[]>('PATCH', `/values/${v.id}`, { body: { rank: 0 } });
    }
  }
  return { values, kept };
}

export function rateDriver(api: ApiClient, driver: Driver, rating: number): Promise<unknown> {
  return api.request('PUT', `/motivations/${driver}`, { body: { rating } });
}

export function recordCatalyst(api: ApiClient, body: CatalystCreate): Promise<{ id: number }> {
  return api.request<{ id: number }>('POST', '/catalysts', { body });
}

export function createGoal(api: ApiClient, body: OnboardingGoalCreate): Promise<GoalView> {
  return api.request<GoalView>('POST', '/goals', { body });
}

// Replacing what was saved before: the new one first, so a failure never leaves nothing.
export async function removeQuietly(api: ApiClient, path: string): Promise<void> {
  try {
    await api.request<void>('DELETE', path);
  } catch {
    // Already gone, or it could not be removed (a 401 also signs the app out): the new one stands either way.
  }
}

export function putCheckIn(api: ApiClient, date: string, body: CheckInPut): Promise<CheckInResult> {
  return api.putCheckIn(date, body);
}

export function logWin(api: ApiClient, body: WinCreate): Promise<Win> {
  return api.logWin(body);
}

// The API calls of the partners pages: grants you made, grants made to you, and what they show.
import type { ApiClient } from '../../api';
import type { Kudos, PlanComment, PlanSteps, Stage, WinSize } from '../../types';

export type Scope = 'goals' | 'wins' | 'checkin-summary' | 'assessments' | 'conversation-plans';
export type GrantStatus = 'pending' | 'active' | 'expired' | 'revoked';

export interface Grant {
  id: number;
  owner: string;
  grantee_email: string | null;
  grantee: string | null;
  invite_link: boolean;
  scopes: Scope[];
  status: GrantStatus;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  code?: string;  // only in the answer that made an invite link
}

export interface GrantCreate {
  scopes: Scope[];
  grantee_email?: string;
  expires?: string;
}

export interface GrantAccess {
  id: number;
  grant_id: number;
  who: string;
  scope: Scope;
  what: string;
  at: string;
}

export type { Kudos } from '../../types';

export interface SharedWin {
  id: number;
  text: string;
  size: WinSize;
  date: string;
  kudos: Kudos[];
}

export interface SharedGoal {
  id: number;
  title: string;
  stage: Stage | null;
  habit_strength: number;
  frequency: string;
}

export interface WeekFigures {
  week: string;
  checkins: number;
  stress: number | null;
  energy: number | null;
  hours: number | null;
  after_hours_minutes: number;
  setbacks: number;
}

export interface SharedAssessment {
  instrument: string;
  title: string;
  date: string;
  scores: { scale: string; score: number; band: string }[];
}

export type { PlanComment } from '../../types';

export interface SharedPlan extends PlanSteps {
  id: number;
  goal_id: number | null;
  objections: { objection: string; answer: string }[];
  created_at: string;
  updated_at: string;
  comments: PlanComment[];
}

// What a grantee may see, by scope; only the scopes a grant lists are fetched.
export interface SharedData {
  goals?: SharedGoal[];
  wins?: SharedWin[];
  'checkin-summary'?: WeekFigures[];
  assessments?: SharedAssessment[];
  'conversation-plans'?: SharedPlan[];
}

export const fetchGrants = (api: ApiClient) => api.request<Grant[]>('GET', '/grants');
export const createGrant = (api: ApiClient, body: GrantCreate) => api.request<Grant>('POST', '/grants', { body });
export const revokeGrant = (api: ApiClient, id: number) => api.request<void>('DELETE', `/grants/${id}`);
export const fetchAccessLog = (api: ApiClient) => api.request<GrantAccess[]>('GET', '/grants/access-log');
export const acceptGrant = (api: ApiClient, code: string) => api.request<Grant>('POST', '/grants/accept', { body: { code } });
export const fetchSharedWithMe = (api: ApiClient) => api.request<Grant[]>('GET', '/shared');
export const fetchShared = (api: ApiClient, id: number) => api.request<Grant>('GET', `/shared/${id}`);

// The grant and, in parallel, each scope it lists (and nothing else).
export async function fetchSharedView(api: ApiClient, id: number): Promise<{ grant: Grant; data: SharedData }> {
  const grant = await fetchShared(api, id);
  const data: SharedData = {};
  await Promise.all(grant.scopes.map(async (scope) => {
    const answer = await api.request<unknown>('GET', `/shared/${id}/${scope}`);
    (data as Record<string, unknown>)[scope] = answer;
  }));
  return { grant, data };
}

export const sendKudos = (api: ApiClient, grant: number, win: number, body: { emoji: string; message?: string }) =>
  api.request<Kudos>('POST', `/shared/${grant}/wins/${win}/kudos`, { body });

export const sendPlanComment = (api: ApiClient, grant: number, plan: number, text: string) =>
  api.request<PlanComment>('POST', `/shared/${grant}/conversation-plans/${plan}/comments`, { body: { text } });

// The API calls of the Support pages: the support network, conversation plans and their comments.
import { ApiError, type ApiClient } from '../../api';
import type { GoalView, PlanComment, PlanSteps } from '../../types';

export type Relation = 'family' | 'friend' | 'colleague' | 'manager' | 'coach' | 'partner';
export type SupportKind = 'emotional' | 'practical' | 'shared-values';

export interface Supporter {
  id: number;
  name: string;
  relation: Relation;
  kinds: SupportKind[];
  linked: boolean;  // linked to a Headway account (the e-mail itself is never sent back)
  created_at: string;
}

export interface SupporterInput {
  name: string;
  relation: Relation;
  kinds: SupportKind[];
  account_email?: string;
}

export interface Gap {
  code: string;
  message: string;
}

export interface SupportNetwork {
  supporters: Supporter[];
  top_barrier: string | null;
  gaps: Gap[];
}

export interface Objection {
  objection: string;
  answer: string;
}

export type { PlanComment } from '../../types';

export interface Plan extends PlanSteps {
  id: number;
  goal_id: number | null;
  objections: Objection[];
  created_at: string;
  updated_at: string;
  comments?: PlanComment[];
}

export interface PlanText extends PlanSteps {
  objections: string[];
  answers: string[];
}

export function fetchNetwork(api: ApiClient): Promise<SupportNetwork> {
  return api.request<SupportNetwork>('GET', '/supporters');
}

export function addSupporter(api: ApiClient, body: SupporterInput): Promise<Supporter> {
  return api.request<Supporter>('POST', '/supporters', { body });
}

export function updateSupporter(api: ApiClient, id: number, body: SupporterInput): Promise<Supporter> {
  return api.request<Supporter>('PUT', `/supporters/${id}`, { body });
}

export function removeSupporter(api: ApiClient, id: number): Promise<void> {
  return api.request<void>('DELETE', `/supporters/${id}`);
}

// The plans with their comment counts. The list answer has no comments, so each plan is read once
// (a person has a handful of plans).
// The person's plans, each with its coaches' comments.
export function fetchPlans(api: ApiClient): Promise<Plan[]> {
  return api.request<Plan[]>('GET', '/conversation-plans');
}

export function createPlan(api: ApiClient, goalId: number | null): Promise<Plan> {
  return api.request<Plan>('POST', '/conversation-plans', { body: goalId === null ? {} : { goal_id: goalId } });
}

// One plan with its comments, or null when there is no such plan of this person's (404).
export async function fetchPlan(api: ApiClient, id: number): Promise<Plan | null> {
  try {
    return await api.request<Plan>('GET', `/conversation-plans/${id}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export function savePlan(api: ApiClient, id: number, body: PlanText): Promise<Plan> {
  return api.request<Plan>('PUT', `/conversation-plans/${id}`, { body });
}

export function deletePlan(api: ApiClient, id: number): Promise<void> {
  return api.request<void>('DELETE', `/conversation-plans/${id}`);
}

// Goals a plan can start from: the active ones.
export async function fetchActiveGoals(api: ApiClient): Promise<GoalView[]> {
  return (await api.goals()).filter((g) => !g.archived);
}

// The printable page and the PDF; the session cookie authenticates a plain link.
export function documentUrl(id: number, kind: 'html' | 'pdf'): string {
  return `/api/v1/conversation-plans/${id}/document.${kind}`;
}

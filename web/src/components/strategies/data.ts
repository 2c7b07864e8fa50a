// The strategy library and the suggestions ranked for this person.
import type { ApiClient } from '../../api';
import type { Stage } from '../../types';
import type { Barrier } from '../goal/labels';

export interface Strategy {
  id: string;
  title: string;
  summary: string;
  if: string;
  then: string;
  barriers: Barrier[];
  stages: Stage[];
}

export interface Suggestion extends Strategy {
  score: number;
  reason: string;
}

export interface Value {
  id: number;
  name: string;
}

export function fetchSuggestions(api: ApiClient, limit: number): Promise<Suggestion[]> {
  return api.request<Suggestion[]>('GET', `/strategies/suggestions?${new URLSearchParams({ limit: String(limit) })}`);
}

export function fetchLibrary(api: ApiClient): Promise<Strategy[]> {
  return api.request<Strategy[]>('GET', '/strategies');
}

export function fetchValues(api: ApiClient): Promise<Value[]> {
  return api.request<Value[]>('GET', '/values');
}

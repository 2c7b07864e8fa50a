// The boundaries page's API calls and the shapes they answer (openapi: Boundary, Evaluation).
import type { ApiClient } from '../../api';
import type { Evaluation } from '../../types';
import type { BoundaryCreate, BoundaryType } from './boundary-form';

export interface BoundaryParams {
  days?: string | null;
  from?: string | null;
  to?: string | null;
  hours?: string | null;
  minutes?: string | null;
  time?: string | null;
}

export interface BoundaryItem {
  id: number;
  type: BoundaryType;
  params: BoundaryParams;
  label: string;
  description: string;
  active: boolean;
  created_at: string;
}

export function listBoundaries(api: ApiClient): Promise<BoundaryItem[]> {
  return api.request<BoundaryItem[]>('GET', '/boundaries');
}

export function checkRange(api: ApiClient, from: string, to: string): Promise<Evaluation[]> {
  return api.request<Evaluation[]>('GET', `/boundaries/check?${new URLSearchParams({ from, to })}`);
}

export function addBoundary(api: ApiClient, body: BoundaryCreate): Promise<BoundaryItem> {
  return api.request<BoundaryItem>('POST', '/boundaries', { body });
}

export function removeBoundary(api: ApiClient, id: number): Promise<void> {
  return api.request<void>('DELETE', `/boundaries/${id}`);
}

// The person's own words first, else the generated description.
export function boundaryTitle(b: Pick<BoundaryItem, 'label' | 'description'>): string {
  return b.label.trim() || b.description;
}

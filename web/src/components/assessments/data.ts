// What the assessments page reads and sends: instruments, the history of one, and a new assessment.
import type { ApiClient } from '../../api';

export interface Band {
  id: string;
  label: string;
  // The lowest score (0-100) in the band; a band runs up to the next band's min.
  min: number;
}

export interface Scale {
  id: string;
  title: string;
  wellbeing: boolean;
  // Ascending by min; the first starts at 0.
  bands: Band[];
}

export interface Instrument {
  id: string;
  version: string;
  title: string;
  licence: string;
  note: string;
  response_scale: { min: number; max: number; labels: string[] };
  scales: Scale[];
  items: { id: string; scale: string; text: string }[];
  // Shown when a wellbeing scale's score is in its lowest band (DESIGN 4.5): never a diagnosis.
  support_pointer: string;
}

export interface ScaleScore {
  scale: string;
  score: number;
  band: string;
  lowest_band: boolean;
}

export interface Assessment {
  id: number;
  instrument: string;
  version: string;
  date: string;
  answers: number[];
  scores: ScaleScore[];
  created_at: string;
}

export interface ScoreChange {
  scale: string;
  before: number;
  after: number;
  change: number;
  meaningful: boolean;
}

export interface AssessmentResult extends Assessment {
  changes: ScoreChange[];
  note: string;
  support: string | null;
}

export function loadInstruments(api: ApiClient): Promise<Instrument[]> {
  return api.request<Instrument[]>('GET', '/instruments');
}

export function loadHistory(api: ApiClient, instrument: string): Promise<Assessment[]> {
  return api.request<Assessment[]>('GET', `/assessments?${new URLSearchParams({ instrument })}`);
}

export function submitAssessment(api: ApiClient, body: { instrument: string; answers: number[] }): Promise<AssessmentResult> {
  return api.request<AssessmentResult>('POST', '/assessments', { body });
}

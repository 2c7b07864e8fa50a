// The evidence API: uploads (raw file bodies), the imported sources and the daily signals.
import { ApiError, type ApiClient, errorFromResponse } from '../../api';
import type { ImportKind, Signal } from './logic';

export interface Source {
  id: number;
  kind: string;
  name: string;
  imported_at: string;
  covered_from: string | null;
  covered_to: string | null;
  items: number;
}

export interface LineNote {
  line: number;
  reason: string;
}

export interface ImportResult {
  source: Source;
  events?: number;
  occurrences?: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  skipped?: LineNote[];
  warnings?: LineNote[];
}

export interface UploadOptions {
  kind: ImportKind;
  source: string;
  keepTitles: boolean;
  skipInvalid: boolean;
}

// Sends the file as it is (not JSON-wrapped), with the session's CSRF token.
export async function uploadImport(api: ApiClient, file: Blob, o: UploadOptions): Promise<ImportResult> {
  const q = new URLSearchParams({ source: o.source });
  if (o.keepTitles) q.set('keep_titles', 'true');
  if (o.kind === 'calendar' && o.skipInvalid) q.set('skip_invalid', 'true');
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': o.kind === 'calendar' ? 'text/calendar' : 'application/json',
  };
  const csrf = api.csrfToken;
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`/api/v1/imports/${o.kind}?${q}`, { method: 'POST', credentials: 'same-origin', headers, body: file });
  } catch {
    throw new ApiError(0, 'network', 'Headway could not reach the server. Check your connection and try again.', null);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) throw errorFromResponse(res.status, body);
  return body as ImportResult;
}

export function listSources(api: ApiClient): Promise<Source[]> {
  return api.request<Source[]>('GET', '/imports');
}

export function removeSource(api: ApiClient, s: Source): Promise<void> {
  return api.request<void>('DELETE', `/imports/${encodeURIComponent(s.kind)}/${encodeURIComponent(s.name)}`);
}

export function loadSignals(api: ApiClient, from: string, to: string): Promise<Signal[]> {
  return api.request<Signal[]>('GET', `/signals?${new URLSearchParams({ from, to })}`);
}

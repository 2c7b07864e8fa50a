// The circle pages' API calls and the shapes the API answers (docs/API.md, "Together").
import type { ApiClient } from '../../api';
import type { Kudos, Win, WinSize } from '../../types';

export interface Circle {
  id: number;
  name: string;
  purpose: string;
  owner: boolean;  // whether you own it
  members: number;
  created_at: string;
}

export interface CircleMember {
  name: string;
  joined_at: string;
  owner: boolean;
  you: boolean;
}

export interface CircleDetail extends Circle {
  member_list: CircleMember[];
}

export interface InviteCode {
  code: string;
  expires_at: string;
}

export type PledgeStatus = 'collecting' | 'active' | 'expired';

export interface PledgeAdherence {
  from: string;
  to: string;
  members_with_evidence: number;
  kept_days: number;
  judged_days: number;
  rate: number;  // 0..1
}

export interface Pledge {
  id: number;
  circle_id: number;
  circle_name: string;
  text: string;
  threshold: number;
  deadline: string;
  status: PledgeStatus;
  signers: number;  // a count only: signers are never named
  signed_by_me: boolean;
  mine: boolean;
  boundary_type: string | null;
  created_at: string;
  activated_at: string | null;
  expired_at: string | null;
  adherence: PledgeAdherence | null;
  adherence_note?: string;
}

export interface PledgeCreate {
  text: string;
  threshold: number;
  deadline?: string;
  boundary_type?: string;
}

export type { Kudos } from '../../types';

export interface FeedEntry {
  win_id: number;
  author: string;
  mine: boolean;
  text: string;
  size: WinSize;
  date: string;
  shared_at: string;
  kudos: Kudos[];
}

export interface FeedPage {
  entries: FeedEntry[];
  next: string | null;
}

const circlePath = (id: number, rest = '') => `/circles/${encodeURIComponent(String(id))}${rest}`;

export function listCircles(api: ApiClient): Promise<Circle[]> {
  return api.request<Circle[]>('GET', '/circles');
}

export function createCircle(api: ApiClient, name: string, purpose: string): Promise<Circle> {
  return api.request<Circle>('POST', '/circles', { body: purpose ? { name, purpose } : { name } });
}

export function joinCircle(api: ApiClient, code: string): Promise<Circle> {
  return api.request<Circle>('POST', '/circles/join', { body: { code } });
}

export function fetchCircle(api: ApiClient, id: number): Promise<CircleDetail> {
  return api.request<CircleDetail>('GET', circlePath(id));
}

export function makeInvite(api: ApiClient, id: number, validDays: number): Promise<InviteCode> {
  return api.request<InviteCode>('POST', circlePath(id, '/invites'), { body: { valid_days: validDays } });
}

export function leaveCircle(api: ApiClient, id: number): Promise<void> {
  return api.request<void>('DELETE', circlePath(id, '/membership'));
}

export function fetchFeed(api: ApiClient, id: number, cursor: string | null, limit = 20): Promise<FeedPage> {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor) q.set('cursor', cursor);
  return api.request<FeedPage>('GET', circlePath(id, `/feed?${q}`));
}

export function shareWin(api: ApiClient, id: number, winId: number): Promise<{ circle_id: number; win_id: number }> {
  return api.request('POST', circlePath(id, '/shares'), { body: { win_id: winId } });
}

export function unshareWin(api: ApiClient, id: number, winId: number): Promise<void> {
  return api.request<void>('DELETE', circlePath(id, `/shares/${encodeURIComponent(String(winId))}`));
}

export function sendKudos(api: ApiClient, id: number, winId: number, emoji: string, message: string): Promise<Kudos> {
  const body = message ? { emoji, message } : { emoji };
  return api.request<Kudos>('POST', circlePath(id, `/wins/${encodeURIComponent(String(winId))}/kudos`), { body });
}

export function listPledges(api: ApiClient, id: number): Promise<Pledge[]> {
  return api.request<Pledge[]>('GET', circlePath(id, '/pledges'));
}

export function proposePledge(api: ApiClient, id: number, body: PledgeCreate): Promise<Pledge> {
  return api.request<Pledge>('POST', circlePath(id, '/pledges'), { body });
}

export function signPledge(api: ApiClient, pledgeId: number): Promise<Pledge> {
  return api.request<Pledge>('POST', `/pledges/${encodeURIComponent(String(pledgeId))}/sign`);
}

export function withdrawPledge(api: ApiClient, pledgeId: number): Promise<Pledge> {
  return api.request<Pledge>('DELETE', `/pledges/${encodeURIComponent(String(pledgeId))}/sign`);
}

export function recentWins(api: ApiClient, from: string, to: string): Promise<Win[]> {
  return api.wins(from, to);
}

// The ids of your wins already shared with the circle, among those created since `since` (an
// instant): a win is shared after it is made, so the feed is read back only that far (there is no
// "my shares" list in the API).
export async function mySharedWinIds(api: ApiClient, id: number, since: string, maxPages = 10): Promise<Set<number>> {
  const ids = new Set<number>();
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: FeedPage = await fetchFeed(api, id, cursor, 100);
    for (const e of page.entries) if (e.mine) ids.add(e.win_id);
    const last = page.entries[page.entries.length - 1];
    cursor = page.next;
    if (!cursor || !last || last.shared_at < since) break;
  }
  return ids;
}

// The win page's API calls: the win, the kudos on it with the circles it is shared with, and its goal.
// Sharing and the list of circles are the circle pages' own calls (components/circles/data.ts).
import { ApiError, type ApiClient } from '../../api';
import type { Kudos, Win } from '../../types';

export { listCircles, shareWin, unshareWin, type Circle } from '../circles/data';

// One kudos on your win: through a circle (circle_id and circle_name) or from a partner (both null).
export interface WinKudos extends Kudos {
  circle_id: number | null;
  circle_name: string | null;
}

export interface SharedCircle {
  id: number;
  name: string;
}

// GET /wins/{id}/kudos: oldest first, and the circles the win is shared with.
export interface WinKudosAnswer {
  win_id: number;
  shared_with: SharedCircle[];
  kudos: WinKudos[];
}

export interface WinView {
  win: Win;
  kudos: WinKudosAnswer;
}

const winPath = (id: number, rest = '') => `/wins/${encodeURIComponent(String(id))}${rest}`;

export function fetchWinKudos(api: ApiClient, id: number): Promise<WinKudosAnswer> {
  return api.request<WinKudosAnswer>('GET', winPath(id, '/kudos'));
}

// The win and its kudos, or 'not-found' when it is not one of yours (the API answers 404 alike).
export async function fetchWinView(api: ApiClient, id: number): Promise<WinView | 'not-found'> {
  try {
    const [win, kudos] = await Promise.all([api.request<Win>('GET', winPath(id)), fetchWinKudos(api, id)]);
    return { win, kudos };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return 'not-found';
    throw err;
  }
}

export function fetchGoalTitle(api: ApiClient, goalId: number): Promise<string> {
  return api.request<{ title: string }>('GET', `/goals/${encodeURIComponent(String(goalId))}`).then((g) => g.title);
}

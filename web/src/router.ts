// A small history-API router: the server answers index.html for every non-API path.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'today' }
  | { name: 'sign-in' }
  | { name: 'register' }
  | { name: 'welcome' }
  | { name: 'settings' }
  | { name: 'wins' }
  | { name: 'goals' }
  | { name: 'goal'; id: number }
  | { name: 'boundaries' }
  | { name: 'evidence' }
  | { name: 'review' }
  | { name: 'insights' }
  | { name: 'assessments' }
  | { name: 'strategies' }
  | { name: 'circles' }
  | { name: 'circle'; id: number }
  | { name: 'partners' }
  | { name: 'shared'; id: number }
  | { name: 'notifications' }
  | { name: 'support' }
  | { name: 'plan'; id: number }
  | { name: 'win'; id: number }
  | { name: 'not-found' };

type Simple = Exclude<Route, { name: 'goal' | 'circle' | 'shared' | 'plan' | 'win' }>['name'];

const ROUTES: Record<string, Simple> = {
  '/': 'today',
  '/today': 'today',
  '/sign-in': 'sign-in',
  '/register': 'register',
  '/welcome': 'welcome',
  '/settings': 'settings',
  '/wins': 'wins',
  '/goals': 'goals',
  '/boundaries': 'boundaries',
  '/evidence': 'evidence',
  '/review': 'review',
  '/insights': 'insights',
  '/assessments': 'assessments',
  '/strategies': 'strategies',
  '/circles': 'circles',
  '/partners': 'partners',
  '/notifications': 'notifications',
  '/support': 'support',
};
const CHANGE = 'headway:navigate';

export function routeFor(path: string): Route {
  const simple = ROUTES[path];
  if (simple) return { name: simple } as Route;
  const goal = /^\/goals\/([1-9][0-9]{0,15})$/.exec(path);
  if (goal) return { name: 'goal', id: Number(goal[1]) };
  const circle = /^\/circles\/([1-9][0-9]{0,15})$/.exec(path);
  if (circle) return { name: 'circle', id: Number(circle[1]) };
  const shared = /^\/partners\/shared\/([1-9][0-9]{0,15})$/.exec(path);
  if (shared) return { name: 'shared', id: Number(shared[1]) };
  const win = /^\/wins\/([1-9][0-9]{0,15})$/.exec(path);
  if (win) return { name: 'win', id: Number(win[1]) };
  const plan = /^\/support\/plans\/([1-9][0-9]{0,15})$/.exec(path);
  if (plan) return { name: 'plan', id: Number(plan[1]) };
  return { name: 'not-found' };
}

// The first path segment, for marking the current item in the navigation ("/goals/3" is in Goals).
export function section(path: string): string {
  const first = path.split('/')[1] ?? '';
  return first === '' || first === 'today' ? 'today' : first;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (location.pathname + location.search === path) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new Event(CHANGE));
}

// The current path, updated on navigate() and on the browser's back and forward buttons.
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    addEventListener('popstate', update);
    addEventListener(CHANGE, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(CHANGE, update);
    };
  }, []);
  return path;
}

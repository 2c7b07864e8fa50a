// A small history-API router: the server answers index.html for every non-API path.
import { useEffect, useState } from 'preact/hooks';

export type Route = 'today' | 'sign-in' | 'settings' | 'wins' | 'goals' | 'not-found';

const ROUTES: Record<string, Route> = {
  '/': 'today', '/today': 'today', '/sign-in': 'sign-in', '/settings': 'settings', '/wins': 'wins', '/goals': 'goals',
};
const CHANGE = 'headway:navigate';

export function routeFor(path: string): Route {
  return ROUTES[path] ?? 'not-found';
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (location.pathname === path) return;
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

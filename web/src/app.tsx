// The app shell: who is signed in, which page shows, and what happens when a session ends.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from './api';
import { AppHeader } from './components/AppHeader';
import { NotFoundPage } from './components/NotFoundPage';
import { type SignedOutReason, SignInPage } from './components/SignInPage';
import { StatusNote } from './components/StatusNote';
import { GoalsPage } from './components/GoalsPage';
import { SettingsPage } from './components/SettingsPage';
import { TodayPage } from './components/TodayPage';
import { WinsPage } from './components/WinsPage';
import type { DraftStore } from './drafts';
import { sentence } from './messages';
import { navigate, routeFor, usePath } from './router';
import type { Account, Login, Me } from './types';

type Auth =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'signed-out'; reason: SignedOutReason }
  | { kind: 'signed-in'; account: Account; me: Me };

interface Props {
  api: ApiClient;
  drafts: DraftStore;
}

export function App({ api, drafts }: Props) {
  const [auth, setAuth] = useState<Auth>({ kind: 'loading' });
  const [signingOut, setSigningOut] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const path = usePath();

  useEffect(() => {
    let live = true;
    api.session()
      .then(async (s) => ({ account: s.account, me: await api.me() }))
      .then(
        ({ account, me }) => live && setAuth({ kind: 'signed-in', account, me }),
        (err) => {
          if (!live) return;
          if (err instanceof ApiError && err.status === 401) {
            navigate('/sign-in', { replace: true });
            setAuth({ kind: 'signed-out', reason: null });
          }
          else setAuth({ kind: 'unreachable', message: err instanceof ApiError ? sentence(err.message) : String(err) });
        },
      );
    return () => { live = false; };
  }, [api, attempt]);

  // Any 401 while signed in: the session expired or ended elsewhere. Drafts stay in sessionStorage.
  useEffect(() => api.onSignedOut(() => {
    navigate('/sign-in');
    setAuth({ kind: 'signed-out', reason: 'expired' });
  }), [api]);

  // Keeps the address in step with what shows (e.g. a bookmark of /sign-in while signed in).
  useEffect(() => {
    if (auth.kind === 'signed-out' && path !== '/sign-in') navigate('/sign-in', { replace: auth.reason === null });
    if (auth.kind === 'signed-in' && path === '/sign-in') navigate('/', { replace: true });
  }, [auth, path]);

  const onSignedIn = useCallback(async (login: Login) => {
    const me = await api.me();
    navigate('/', { replace: true });
    setAuth({ kind: 'signed-in', account: login.account, me });
  }, [api]);

  const signOut = useCallback(async () => {
    setSigningOut(true);
    drafts.clear();
    try {
      await api.logout();
    } catch {
      // The session is gone either way; the server clears the cookie when it can.
    }
    setSigningOut(false);
    navigate('/sign-in');
    setAuth({ kind: 'signed-out', reason: 'signed-out' });
  }, [api, drafts]);

  // After the account is deleted there is no session left to end.
  const onDeleted = useCallback(() => {
    drafts.clear();
    navigate('/sign-in');
    setAuth({ kind: 'signed-out', reason: 'deleted' });
  }, [drafts]);

  const onProfileSaved = useCallback((me: Me) => {
    setAuth((a) => (a.kind === 'signed-in' ? { ...a, me } : a));
  }, []);

  const page = (account: Account, me: Me) => {
    switch (routeFor(path)) {
      case 'settings':
        return <SettingsPage api={api} me={me} onProfileSaved={onProfileSaved} onDeleted={onDeleted} />;
      case 'wins':
        return <WinsPage api={api} timezone={me.timezone} />;
      case 'goals':
        return <GoalsPage api={api} />;
      case 'not-found':
        return <NotFoundPage />;
      default:
        return <TodayPage api={api} drafts={drafts} account={account.id} timezone={me.timezone} />;
    }
  };

  return (
    <>
      <AppHeader
        email={auth.kind === 'signed-in' ? auth.account.email : null}
        path={path}
        onSignOut={signOut}
        signingOut={signingOut}
      />
      <main id="main" class="app-main" tabIndex={-1}>
        {auth.kind === 'loading' && <StatusNote kind="loading">Opening Headway…</StatusNote>}
        {auth.kind === 'unreachable' && (
          <StatusNote kind="error" onRetry={() => setAttempt((n) => n + 1)}>
            Headway could not start: {auth.message}
          </StatusNote>
        )}
        {auth.kind === 'signed-out' && <SignInPage api={api} reason={auth.reason} onSignedIn={onSignedIn} />}
        {auth.kind === 'signed-in' && page(auth.account, auth.me)}
      </main>
    </>
  );
}

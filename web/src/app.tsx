// The app shell: who is signed in, which page shows, and what happens when a session ends.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from './api';
import { AppHeader } from './components/AppHeader';
import { NotFoundPage } from './components/NotFoundPage';
import { type SignedOutReason, SignInPage } from './components/SignInPage';
import { StatusNote } from './components/StatusNote';
import { GoalsPage } from './components/GoalsPage';
import { RegisterPage } from './components/RegisterPage';
import { SettingsPage } from './components/SettingsPage';
import { TodayPage } from './components/TodayPage';
import { WinsPage } from './components/WinsPage';
import type { DraftStore } from './drafts';
import { needsOnboarding, onboardingSkipped } from './first-run';
import { lazyPage } from './lazy';
import { sentence } from './messages';
import { navigate, routeFor, usePath } from './router';
import type { Account, Login, Me } from './types';

// The pages with charts or many parts load on their first visit.
const AssessmentsPage = lazyPage(() => import('./components/assessments/AssessmentsPage').then((m) => m.AssessmentsPage));
const BoundariesPage = lazyPage(() => import('./components/boundaries/BoundariesPage').then((m) => m.BoundariesPage));
const EvidencePage = lazyPage(() => import('./components/evidence/EvidencePage').then((m) => m.EvidencePage));
const CirclesPage = lazyPage(() => import('./components/circles/CirclesPage').then((m) => m.CirclesPage));
const CirclePage = lazyPage(() => import('./components/circles/CirclePage').then((m) => m.CirclePage));
const PartnersPage = lazyPage(() => import('./components/partners/PartnersPage').then((m) => m.PartnersPage));
const SharedPage = lazyPage(() => import('./components/partners/SharedPage').then((m) => m.SharedPage));
const WinPage = lazyPage(() => import('./components/wins/WinPage').then((m) => m.WinPage));
const SupportPage = lazyPage(() => import('./components/support/SupportPage').then((m) => m.SupportPage));
const PlanPage = lazyPage(() => import('./components/support/PlanPage').then((m) => m.PlanPage));
const NotificationsPage = lazyPage(() => import('./components/notifications/NotificationsPage').then((m) => m.NotificationsPage));
const GoalPage = lazyPage(() => import('./components/goal/GoalPage').then((m) => m.GoalPage));
const InsightsPage = lazyPage(() => import('./components/insights/InsightsPage').then((m) => m.InsightsPage));
const WelcomePage = lazyPage(() => import('./components/onboarding/WelcomePage').then((m) => m.WelcomePage));
const ReviewPage = lazyPage(() => import('./components/review/ReviewPage').then((m) => m.ReviewPage));
const StrategiesPage = lazyPage(() => import('./components/strategies/StrategiesPage').then((m) => m.StrategiesPage));

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

  // First run: a person with no values and no goals yet starts with onboarding instead of Today.
  // Decided before anything shows, so Today never flashes first.
  const firstRun = useCallback(async (account: number): Promise<boolean> => {
    if (onboardingSkipped(account)) return false;
    try {
      const [values, goals] = await Promise.all([api.request<unknown[]>('GET', '/values'), api.goals()]);
      return needsOnboarding(values, goals);
    } catch {
      return false;  // Today shows its own errors.
    }
  }, [api]);

  useEffect(() => {
    let live = true;
    api.session()
      .then(async (s) => {
        const onToday = routeFor(location.pathname).name === 'today';
        const [me, welcome] = await Promise.all([api.me(), onToday && firstRun(s.account.id)]);
        return { account: s.account, me, welcome };
      })
      .then(
        ({ account, me, welcome }) => {
          if (!live) return;
          if (welcome) navigate('/welcome', { replace: true });
          setAuth({ kind: 'signed-in', account, me });
        },
        (err) => {
          if (!live) return;
          if (err instanceof ApiError && err.status === 401) {
            if (location.pathname !== '/register') navigate('/sign-in', { replace: true });
            setAuth({ kind: 'signed-out', reason: null });
          }
          else setAuth({ kind: 'unreachable', message: err instanceof ApiError ? sentence(err.message) : String(err) });
        },
      );
    return () => { live = false; };
  }, [api, attempt, firstRun]);

  // Any 401 while signed in: the session expired or ended elsewhere. Drafts stay in sessionStorage.
  useEffect(() => api.onSignedOut(() => {
    navigate('/sign-in');
    setAuth({ kind: 'signed-out', reason: 'expired' });
  }), [api]);

  // Keeps the address in step with what shows (e.g. a bookmark of /sign-in while signed in).
  useEffect(() => {
    const open = path === '/sign-in' || path === '/register';
    if (auth.kind === 'signed-out' && !open) navigate('/sign-in', { replace: auth.reason === null });
    if (auth.kind === 'signed-in' && open) navigate('/', { replace: true });
  }, [auth, path]);

  const onSignedIn = useCallback(async (login: Login) => {
    const [me, welcome] = await Promise.all([api.me(), firstRun(login.account.id)]);
    navigate(welcome ? '/welcome' : '/', { replace: true });
    setAuth({ kind: 'signed-in', account: login.account, me });
  }, [api, firstRun]);

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
    const route = routeFor(path);
    switch (route.name) {
      case 'welcome':
        return <WelcomePage api={api} me={me} account={account.id} onDone={() => navigate('/')} />;
      case 'settings':
        return <SettingsPage api={api} me={me} onProfileSaved={onProfileSaved} onDeleted={onDeleted} />;
      case 'wins':
        return <WinsPage api={api} timezone={me.timezone} />;
      case 'goals':
        return <GoalsPage api={api} />;
      case 'goal':
        return <GoalPage api={api} me={me} id={route.id} />;
      case 'boundaries':
        return <BoundariesPage api={api} me={me} />;
      case 'evidence':
        return <EvidencePage api={api} me={me} />;
      case 'circles':
        return <CirclesPage api={api} me={me} />;
      case 'circle':
        return <CirclePage api={api} me={me} id={route.id} />;
      case 'partners':
        return <PartnersPage api={api} me={me} />;
      case 'shared':
        return <SharedPage api={api} me={me} id={route.id} />;
      case 'win':
        return <WinPage api={api} me={me} id={route.id} />;
      case 'support':
        return <SupportPage api={api} me={me} />;
      case 'plan':
        return <PlanPage api={api} me={me} id={route.id} />;
      case 'notifications':
        return <NotificationsPage api={api} me={me} />;
      case 'review':
        return <ReviewPage api={api} me={me} />;
      case 'insights':
        return <InsightsPage api={api} me={me} />;
      case 'assessments':
        return <AssessmentsPage api={api} me={me} />;
      case 'strategies':
        return <StrategiesPage api={api} me={me} />;
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
        {auth.kind === 'signed-out' && (path === '/register'
          ? <RegisterPage api={api} onSignedIn={onSignedIn} />
          : <SignInPage api={api} reason={auth.reason} onSignedIn={onSignedIn} />)}
        {auth.kind === 'signed-in' && page(auth.account, auth.me)}
      </main>
    </>
  );
}

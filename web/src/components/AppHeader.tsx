// The top bar: the name, the navigation and, when signed in, who is signed in and sign out.
import { section } from '../router';
import { Link } from './Link';
import { NotificationsNavLabel, useUnreadCount } from './notifications/unread';

const NAV: [string, string][] = [
  ['/', 'Today'],
  ['/wins', 'Wins'],
  ['/goals', 'Goals'],
  ['/boundaries', 'Boundaries'],
  ['/evidence', 'Evidence'],
  ['/review', 'Review'],
  ['/insights', 'Insights'],
  ['/assessments', 'Assessments'],
  ['/strategies', 'Strategies'],
  ['/circles', 'Circles'],
  ['/partners', 'Partners'],
  ['/support', 'Support'],
  ['/notifications', 'Notifications'],
  ['/settings', 'Settings'],
];

interface Props {
  email: string | null;
  path: string;
  onSignOut: () => void;
  signingOut: boolean;
}

export function AppHeader({ email, path, onSignOut, signingOut }: Props) {
  const unread = useUnreadCount(path, email !== null);
  return (
    <header class="app-header">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <div class="app-header-inner">
        <Link href="/" class="brand">
          Headway
        </Link>
        {email !== null && (
          <>
            <nav aria-label="Main" class="main-nav">
              {NAV.map(([href, label]) => (
                <Link key={href} href={href} current={section(path) === section(href)}>
                  {href === '/notifications' ? <NotificationsNavLabel label={label} count={unread} /> : label}
                </Link>
              ))}
            </nav>
            <div class="account">
              <span class="account-email">{email}</span>
              <button type="button" class="button button--quiet" onClick={onSignOut} disabled={signingOut}>
                {signingOut ? 'Signing out…' : 'Sign out'}
              </button>
            </div>
          </>
        )}
      </div>
    </header>
  );
}

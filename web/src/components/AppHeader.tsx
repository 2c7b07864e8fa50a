// The top bar: the name, the navigation and, when signed in, who is signed in and sign out.
import { Link } from './Link';

interface Props {
  email: string | null;
  path: string;
  onSignOut: () => void;
  signingOut: boolean;
}

export function AppHeader({ email, path, onSignOut, signingOut }: Props) {
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
              <Link href="/" current={path === '/' || path === '/today'}>
                Today
              </Link>
              <Link href="/wins" current={path === '/wins'}>
                Wins
              </Link>
              <Link href="/goals" current={path === '/goals'}>
                Goals
              </Link>
              <Link href="/settings" current={path === '/settings'}>
                Settings
              </Link>
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

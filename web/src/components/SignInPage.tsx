// Sign in with e-mail and password; errors appear next to the field they name.
import { useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import type { FieldErrors } from '../checkin-form';
import { sentence } from '../messages';
import type { Login } from '../types';
import { Link } from './Link';
import { PageHeading } from './PageHeading';
import { TextField } from './TextField';

type Field = 'email' | 'password';

export type SignedOutReason = 'expired' | 'signed-out' | 'deleted' | null;

interface Props {
  api: ApiClient;
  reason: SignedOutReason;
  onSignedIn: (login: Login) => Promise<void>;
}

const NOTICES: Record<Exclude<SignedOutReason, null>, string> = {
  expired: 'Your session ended, so Headway signed you out. Sign in again to carry on: what you had not saved yet is kept.',
  'signed-out': 'You are signed out.',
  deleted: 'Your account and everything in it have been deleted.',
};

export function SignInPage({ api, reason, onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: FieldErrors<Field> = {};
    if (email.trim() === '') found.email = 'Enter the e-mail address of your account.';
    if (password === '') found.password = 'Enter your password.';
    setErrors(found);
    setFormError(null);
    if (found.email || found.password) {
      (found.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      const login = await api.login(email.trim(), password);
      await onSignedIn(login);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && (err.field === 'email' || err.field === 'password')) {
        setErrors({ [err.field]: err.message });
        (err.field === 'email' ? emailRef : passwordRef).current?.focus();
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'Signing in failed. Please try again.');
        passwordRef.current?.focus();
      }
    }
  };

  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <PageHeading id="sign-in-title">Sign in to Headway</PageHeading>
      {reason && (
        <p class={`notice notice--${reason}`} role="status">
          {NOTICES[reason]}
        </p>
      )}
      <form class="card form" onSubmit={submit} noValidate>
        {formError && (
          <p class="form-error" role="alert">
            {formError}
          </p>
        )}
        <TextField
          id="email"
          label="E-mail"
          type="email"
          inputMode="email"
          autocomplete="username"
          value={email}
          onInput={(v) => { setEmail(v); setErrors((x) => ({ ...x, email: undefined })); }}
          error={errors.email}
          inputRef={emailRef}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(v) => { setPassword(v); setErrors((x) => ({ ...x, password: undefined })); }}
          error={errors.password}
          inputRef={passwordRef}
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p class="sign-in-switch">
        New here, with an invite? <Link href="/register">Create an account</Link>
      </p>
    </section>
  );
}

// Creating an account in the browser, with an invite code (or none, when registration is open).
// A new account signs in straight away and starts with onboarding.
import { useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import type { FieldErrors } from '../checkin-form';
import { sentence } from '../messages';
import {
  browserTimeZone, checkRegistration, inviteFromSearch, MIN_PASSWORD, registrationBody,
  type RegisterDraft, type RegisterField,
} from '../register-form';
import type { Login } from '../types';
import { Link } from './Link';
import { PageHeading } from './PageHeading';
import { TextField } from './TextField';

interface Props {
  api: ApiClient;
  onSignedIn: (login: Login) => Promise<void>;
}

const ORDER: RegisterField[] = ['invite', 'name', 'email', 'password', 'again', 'timezone'];

export function RegisterPage({ api, onSignedIn }: Props) {
  const initial = useMemo<RegisterDraft>(() => ({
    name: '', email: '', password: '', again: '', timezone: browserTimeZone(), invite: inviteFromSearch(location.search),
  }), []);
  const [draft, setDraft] = useState<RegisterDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors<RegisterField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    invite: useRef<HTMLInputElement>(null), name: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null), again: useRef<HTMLInputElement>(null), timezone: useRef<HTMLInputElement>(null),
  };

  const set = (field: RegisterField) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const focusFirst = (found: FieldErrors<RegisterField>) => {
    const first = ORDER.find((f) => found[f]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = checkRegistration(draft);
    setErrors(found);
    setFormError(null);
    if (Object.values(found).some(Boolean)) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      await api.request('POST', '/auth/register', { body: registrationBody(draft), quiet401: true });
      const login = await api.login(draft.email.trim(), draft.password);
      await onSignedIn(login);
    } catch (err) {
      setBusy(false);
      const field = err instanceof ApiError ? err.field : null;
      if (err instanceof ApiError && field && (ORDER as string[]).includes(field)) {
        const f = field as RegisterField;
        setErrors({ [f]: sentence(err.message) });
        refs[f].current?.focus();
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'Creating the account failed. Please try again.');
      }
    }
  };

  return (
    <section class="sign-in" aria-labelledby="register-title">
      <PageHeading id="register-title">Create your Headway account</PageHeading>
      <p class="sign-in-intro">
        Headway keeps your check-ins, goals and wins private to you. On most servers you need an invite
        code from the person who runs it; it comes as a link or a short code.
      </p>
      <form class="card form" onSubmit={submit} noValidate>
        {formError && (
          <p class="form-error" role="alert">
            {formError}
          </p>
        )}
        <TextField id="register-invite" label="Invite code" hint="Leave it empty if this server lets anyone register."
          value={draft.invite} onInput={set('invite')} error={errors.invite} inputRef={refs.invite} autocomplete="off" />
        <TextField id="register-name" label="Your name (optional)" value={draft.name} onInput={set('name')}
          error={errors.name} inputRef={refs.name} autocomplete="name" maxLength={100} />
        <TextField id="register-email" label="E-mail" type="email" inputMode="email" autocomplete="username"
          value={draft.email} onInput={set('email')} error={errors.email} inputRef={refs.email} />
        <TextField id="register-password" label="Password" type="password" autocomplete="new-password"
          hint={`At least ${MIN_PASSWORD} characters. A few unrelated words are easy to remember.`}
          value={draft.password} onInput={set('password')} error={errors.password} inputRef={refs.password} />
        <TextField id="register-again" label="Password again" type="password" autocomplete="new-password"
          value={draft.again} onInput={set('again')} error={errors.again} inputRef={refs.again} />
        <TextField id="register-timezone" label="Time zone" hint="Your days and evenings are counted in it. You can change it later."
          value={draft.timezone} onInput={set('timezone')} error={errors.timezone} inputRef={refs.timezone} autocomplete="off" />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p class="sign-in-switch">
        Have an account already? <Link href="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}

// Inviting a partner or coach: an e-mail (or none, for an invite link), what to share, and until when.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { todayIn } from '../../dates';
import { FieldError } from '../FieldError';
import { TextField } from '../TextField';
import { type Grant, createGrant } from './data';
import {
  type InviteErrors, type InviteForm as Form, MAX_DAYS, SCOPES, SCOPE_LABELS, addDays, emptyInvite, inviteBody, inviteField,
  validateInvite,
} from './labels';

interface Props {
  api: ApiClient;
  timezone: string;
  onCreated: (grant: Grant) => void;
}

export function InviteForm({ api, timezone, onCreated }: Props) {
  const [form, setForm] = useState<Form>(() => emptyInvite(timezone));
  const [errors, setErrors] = useState<InviteErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const today = todayIn(timezone);

  const toggle = (scope: (typeof SCOPES)[number], on: boolean) => {
    setForm((f) => ({ ...f, scopes: on ? [...f.scopes.filter((s) => s !== scope), scope] : f.scopes.filter((s) => s !== scope) }));
    setErrors((e) => ({ ...e, scopes: undefined }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setFormError(null);
    const found = validateInvite(form, timezone);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = (['grantee_email', 'scopes', 'expires'] as const).find((k) => found[k]);
      const target = first === 'scopes' ? 'invite-scope-goals' : first === 'grantee_email' ? 'invite-email' : 'invite-expires';
      document.getElementById(target)?.focus();
      return;
    }
    setSaving(true);
    try {
      const grant = await createGrant(api, inviteBody(form));
      setForm(emptyInvite(timezone));
      setErrors({});
      onCreated(grant);
    } catch (err) {
      if (err instanceof ApiError) {
        const field = inviteField(err.field);
        if (field) setErrors({ [field]: sentence(err.message) });
        else setFormError(sentence(err.message));
      } else setFormError('The invite could not be made. Please try again.');
    } finally {
      setSaving(false);
    }
  };

  const scopesError = errors.scopes;
  const expiresDescribed = ['invite-expires-hint', errors.expires ? 'invite-expires-error' : ''].filter(Boolean).join(' ');
  return (
    <form class="form partners-invite" onSubmit={submit} noValidate aria-labelledby="partners-invite-title">
      <h3 id="partners-invite-title">Invite a partner or coach</h3>
      <p class="notice partners-never">Notes and journal text are never shared. They only see what you tick below, read-only, until the access ends or you revoke it.</p>
      <TextField
        id="invite-email"
        label="Their e-mail (optional)"
        hint="Leave it empty to make an invite link you can send yourself."
        type="email"
        autocomplete="off"
        value={form.email}
        error={errors.grantee_email}
        onInput={(email) => { setForm((f) => ({ ...f, email })); setErrors((x) => ({ ...x, grantee_email: undefined })); }}
      />
      <fieldset class={scopesError ? 'field field--invalid' : 'field'} aria-describedby={scopesError ? 'invite-scopes-error' : undefined}>
        <legend>What they may see</legend>
        <div class="partners-scopes">
          {SCOPES.map((scope) => (
            <div class="field--check partners-scope" key={scope}>
              <input
                id={`invite-scope-${scope}`}
                type="checkbox"
                name="scopes"
                value={scope}
                checked={form.scopes.includes(scope)}
                aria-invalid={scopesError ? 'true' : undefined}
                onChange={(e) => toggle(scope, e.currentTarget.checked)}
              />
              <label for={`invite-scope-${scope}`}>{SCOPE_LABELS[scope]}</label>
            </div>
          ))}
        </div>
        <FieldError id="invite-scopes-error" message={scopesError} />
      </fieldset>
      <div class={errors.expires ? 'field field--invalid' : 'field'}>
        <label for="invite-expires">Access ends on</label>
        <p id="invite-expires-hint" class="field-hint">90 days from today unless you change it; at most a year.</p>
        <input
          id="invite-expires"
          name="invite-expires"
          type="date"
          class="partners-date"
          min={today}
          max={addDays(today, MAX_DAYS)}
          value={form.expires}
          aria-invalid={errors.expires ? 'true' : undefined}
          aria-describedby={expiresDescribed}
          onInput={(e) => { const expires = e.currentTarget.value; setForm((f) => ({ ...f, expires })); setErrors((x) => ({ ...x, expires: undefined })); }}
        />
        <FieldError id="invite-expires-error" message={errors.expires} />
      </div>
      {formError && <p class="form-error" role="alert">{formError}</p>}
      <div class="form-actions">
        <button type="submit" class="button" disabled={saving}>{saving ? 'Inviting…' : form.email.trim() ? 'Invite' : 'Make an invite link'}</button>
      </div>
    </form>
  );
}

// Change the password (POST /auth/password); other sessions end, this one goes on.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import type { FieldErrors } from '../checkin-form';
import { sentence } from '../messages';
import { type PasswordField, type PasswordForm, emptyPassword, isPasswordField, validatePassword } from '../settings-form';
import { TextField } from './TextField';

export function PasswordSection({ api }: { api: ApiClient }) {
  const [form, setForm] = useState<PasswordForm>(emptyPassword());
  const [errors, setErrors] = useState<FieldErrors<PasswordField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (patch: Partial<PasswordForm>) => {
    setForm({ ...form, ...patch });
    setErrors({});
    setAnnounce(null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validatePassword(form);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      await api.changePassword(form.current_password, form.new_password);
      setForm(emptyPassword());
      setAnnounce('Password changed. Your other sessions have been signed out.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && isPasswordField(err.field)) setErrors({ [err.field]: sentence(err.message) });
      else setFormError(err instanceof ApiError ? sentence(err.message) : 'Changing the password failed. Please try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <form class="form" onSubmit={submit} noValidate>
        {formError && <p class="form-error" role="alert">{formError}</p>}
        <TextField
          id="password-current"
          label="Current password"
          type="password"
          autocomplete="current-password"
          value={form.current_password}
          onInput={(current_password) => update({ current_password })}
          error={errors.current_password}
        />
        <TextField
          id="password-new"
          label="New password"
          hint="At least 12 characters."
          type="password"
          autocomplete="new-password"
          value={form.new_password}
          onInput={(new_password) => update({ new_password })}
          error={errors.new_password}
        />
        <TextField
          id="password-confirm"
          label="New password again"
          type="password"
          autocomplete="new-password"
          value={form.confirm}
          onInput={(confirm) => update({ confirm })}
          error={errors.confirm}
        />
        <div class="form-actions">
          <button type="submit" class="button" disabled={saving}>{saving ? 'Changing…' : 'Change password'}</button>
        </div>
        <p class="form-status" role="status">{announce}</p>
      </form>
    </section>
  );
}

// The person's time zone and usual work hours (PATCH /me).
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import type { FieldErrors } from '../checkin-form';
import { sentence } from '../messages';
import {
  COMMON_TIME_ZONES, type ProfileField, type ProfileForm, isProfileField, profileBody, profileForm, validateProfile,
} from '../settings-form';
import type { Me } from '../types';
import { FieldError, describedBy } from './FieldError';
import { TextField } from './TextField';

interface Props {
  api: ApiClient;
  me: Me;
  onSaved: (me: Me) => void;
}

export function ProfileSection({ api, me, onSaved }: Props) {
  const [form, setForm] = useState<ProfileForm>(profileForm(me));
  const [errors, setErrors] = useState<FieldErrors<ProfileField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (patch: Partial<ProfileForm>) => {
    setForm({ ...form, ...patch });
    setErrors({});
    setAnnounce(null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validateProfile(form);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    const body = profileBody(form, me);
    if (Object.keys(body).length === 0) {
      setAnnounce('Nothing to change.');
      return;
    }
    setSaving(true);
    try {
      const saved = await api.updateMe(body);
      onSaved(saved);
      setForm(profileForm(saved));
      setAnnounce('Profile saved.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && isProfileField(err.field)) setErrors({ [err.field]: sentence(err.message) });
      else setFormError(err instanceof ApiError ? sentence(err.message) : 'Saving failed. Please try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" aria-labelledby="profile-title">
      <h2 id="profile-title">Time zone and work hours</h2>
      <form class="form" onSubmit={submit} noValidate>
        {formError && <p class="form-error" role="alert">{formError}</p>}
        <div class={errors.timezone ? 'field field--invalid' : 'field'}>
          <label for="profile-timezone">Time zone</label>
          <p id="profile-timezone-hint" class="field-hint">An IANA name, such as Europe/Berlin.</p>
          <input
            id="profile-timezone"
            name="profile-timezone"
            list="profile-timezones"
            autocomplete="off"
            value={form.timezone}
            aria-invalid={errors.timezone ? 'true' : undefined}
            aria-describedby={describedBy('profile-timezone', true, errors.timezone)}
            onInput={(e) => update({ timezone: e.currentTarget.value })}
          />
          <datalist id="profile-timezones">
            {COMMON_TIME_ZONES.map((z) => <option key={z} value={z} />)}
          </datalist>
          <FieldError id="profile-timezone-error" message={errors.timezone} />
        </div>
        <TextField
          id="profile-work_hours"
          label="Work hours"
          hint="Days and a time window, such as Mon-Fri 09:00-17:30."
          value={form.work_hours}
          autocomplete="off"
          onInput={(work_hours) => update({ work_hours })}
          error={errors.work_hours}
        />
        <div class="form-actions">
          <button type="submit" class="button" disabled={saving}>{saving ? 'Saving…' : 'Save profile'}</button>
        </div>
        <p class="form-status" role="status">{announce}</p>
      </form>
    </section>
  );
}

// Deleting the account for good, confirmed with the password (DELETE /me).
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import { sentence } from '../messages';
import { TextField } from './TextField';

export function DeleteAccountSection({ api, onDeleted }: { api: ApiClient; onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setFormError(null);
    if (password === '') {
      setError('Enter your password to confirm.');
      return;
    }
    setBusy(true);
    try {
      await api.deleteAccount(password);
      onDeleted();
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && err.field === 'password') setError(sentence(err.message));
      else setFormError(err instanceof ApiError ? sentence(err.message) : 'Deleting the account failed. Please try again.');
    }
  };

  return (
    <section class="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <p class="section-intro">This deletes your account and everything in it, for good. Download your data first if you want to keep it.</p>
      {!open ? (
        <button type="button" class="button button--danger" onClick={() => setOpen(true)}>Delete my account…</button>
      ) : (
        <form class="form" onSubmit={submit} noValidate>
          {formError && <p class="form-error" role="alert">{formError}</p>}
          <TextField
            id="delete-password"
            label="Your password, to confirm"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(v) => { setPassword(v); setError(undefined); }}
            error={error}
          />
          <div class="form-actions">
            <button type="submit" class="button button--danger" disabled={busy}>
              {busy ? 'Deleting…' : 'Delete my account and all my data'}
            </button>
            <button type="button" class="button button--quiet" onClick={() => { setOpen(false); setPassword(''); setError(undefined); }}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

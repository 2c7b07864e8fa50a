// Join a circle with the invite code its owner gave you.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { TextField } from '../TextField';
import { type Circle, joinCircle } from './data';
import { joinErrorText, validateJoinCode } from './logic';

export function CircleJoinForm({ api, onJoined }: { api: ApiClient; onJoined: (c: Circle) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setFormError(null);
    const found = validateJoinCode(code);
    setError(found);
    if (found) {
      document.getElementById('circle-join-code')?.focus();
      return;
    }
    setJoining(true);
    try {
      onJoined(await joinCircle(api, code.trim()));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && (err.field === 'code' || [404, 409, 422].includes(err.status))) {
        setError(joinErrorText(err.status, sentence(err.message)));
        document.getElementById('circle-join-code')?.focus();
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'Joining failed. Please try again.');
      }
    } finally {
      setJoining(false);
    }
  };

  return (
    <section class="card" aria-labelledby="circle-join-title">
      <h2 id="circle-join-title">Join with a code</h2>
      <form class="form" onSubmit={submit} noValidate>
        {formError && <p class="form-error" role="alert">{formError}</p>}
        <TextField id="circle-join-code" label="Invite code" hint="It starts with hwc_ and works for a limited time."
          value={code} autocomplete="off" error={error} onInput={(v) => { setCode(v); setError(undefined); }} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={joining}>{joining ? 'Joining…' : 'Join the circle'}</button>
        </div>
      </form>
    </section>
  );
}

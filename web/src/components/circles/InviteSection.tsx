// The owner makes an invite code; it is shown once, with a Copy button and when it stops working.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import type { Me } from '../../types';
import { SelectField } from '../SelectField';
import { type InviteCode, makeInvite } from './data';
import { deadlineText, validDaysOptions } from './logic';

const DAYS = validDaysOptions();

export function InviteSection({ api, me, circleId }: { api: ApiClient; me: Me; circleId: number }) {
  const [days, setDays] = useState('7');
  const [invite, setInvite] = useState<InviteCode | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);

  const make = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setCopied(null);
    try {
      setInvite(await makeInvite(api, circleId, Number(days)));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setError(err instanceof ApiError ? sentence(err.message) : 'The code could not be made. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!invite) return;
    try {
      await navigator.clipboard.writeText(invite.code);
      setCopied('Copied. Send it to the person you are inviting.');
    } catch {
      const el = document.getElementById('circle-invite-code');
      if (el) getSelection()?.selectAllChildren(el);
      setCopied('Copying did not work here: the code is selected, so copy it with your keyboard.');
    }
  };

  return (
    <div class="circles-invite">
      <h3>Invite someone</h3>
      <form class="form circles-invite-form" onSubmit={make} noValidate>
        <SelectField id="circle-invite-days" label="Code works for" value={days} options={DAYS} error={error}
          onChange={(v) => { setDays(v); setError(undefined); }} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>{busy ? 'Making…' : 'Make an invite code'}</button>
        </div>
      </form>
      {invite && (
        <div class="circles-invite-result">
          <p>Here is the code. It is shown only this once, so copy it now.</p>
          <code id="circle-invite-code" class="circles-code">{invite.code}</code>
          <div class="form-actions">
            <button type="button" class="button button--quiet" onClick={copy}>Copy</button>
          </div>
          <p class="circles-muted circles-invite-expiry">Anyone with the code can join until {deadlineText(invite.expires_at, me.timezone)}.</p>
        </div>
      )}
      <p class="form-status" role="status">{copied}</p>
    </div>
  );
}

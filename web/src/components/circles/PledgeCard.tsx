// One pledge: its text, a meter of how many signed (a count, never names), where it stands, and
// signing or withdrawing.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import type { Me } from '../../types';
import { type Pledge, signPledge, withdrawPledge } from './data';
import { adherenceText, boundaryLabel, pledgeSummary, progressText, progressValue, statusLabel, statusPill } from './logic';

interface Props {
  api: ApiClient;
  me: Me;
  pledge: Pledge;
  onChange: (p: Pledge) => void;
}

export function PledgeCard({ api, me, pledge: p, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);

  const act = async (what: 'sign' | 'withdraw') => {
    setBusy(true);
    setError(null);
    setAnnounce(null);
    try {
      const next = what === 'sign' ? await signPledge(api, p.id) : await withdrawPledge(api, p.id);
      onChange(next);
      setAnnounce(what === 'withdraw' ? 'Your signature is withdrawn.'
        : next.status === 'active' ? 'You signed. The pledge is active.' : 'You signed.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setError(err instanceof ApiError ? sentence(err.message) : 'That did not work. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  const progressId = `pledge-${p.id}-progress`;
  const boundary = boundaryLabel(p.boundary_type);
  return (
    <li class="circles-pledge" data-pledge-id={p.id}>
      <div class="circles-pledge-head">
        <p class="circles-pledge-text">{p.text}</p>
        <span class={`${statusPill(p.status)} circles-pledge-status`}>{statusLabel(p.status)}</span>
      </div>
      <div class="circles-pledge-meter">
        <meter min={0} max={p.threshold} value={progressValue(p.signers, p.threshold)} aria-labelledby={progressId} />
        <p id={progressId} class="circles-pledge-progress">{progressText(p.signers, p.threshold)}</p>
      </div>
      <p class="circles-pledge-summary">{pledgeSummary(p, me.timezone)}</p>
      {p.status === 'active' && (p.adherence ? (
        <p class="circles-pledge-adherence">{adherenceText(p.adherence)}.</p>
      ) : p.adherence_note ? (
        <p class="circles-pledge-adherence circles-muted">{p.adherence_note}</p>
      ) : null)}
      {(boundary || p.mine) && (
        <p class="circles-muted circles-pledge-meta">
          {boundary && <>Tracked against: {boundary}. </>}
          {p.mine && <>You proposed it.</>}
        </p>
      )}
      <div class="form-actions circles-pledge-actions">
        {p.signed_by_me && p.status === 'active' && <p class="circles-pledge-signed">You signed: you are part of it.</p>}
        {!p.signed_by_me && p.status !== 'expired' && (
          <button type="button" class="button" disabled={busy} onClick={() => act('sign')}>
            {p.status === 'active' ? 'Sign and join in now' : 'Sign'}
          </button>
        )}
        {p.signed_by_me && p.status === 'collecting' && (
          <>
            <p class="circles-pledge-signed">You signed.</p>
            <button type="button" class="button button--quiet" disabled={busy} onClick={() => act('withdraw')}>Withdraw my signature</button>
          </>
        )}
      </div>
      {error && <p class="form-error" role="alert">{error}</p>}
      <p class="form-status" role="status">{announce}</p>
    </li>
  );
}

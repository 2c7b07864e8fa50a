// Share one of your wins of the last 30 days that is not in the circle yet.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { formatDay, todayIn } from '../../dates';
import { sentence } from '../../messages';
import type { Me, Win } from '../../types';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { SelectField } from '../SelectField';
import { StatusNote } from '../StatusNote';
import { mySharedWinIds, recentWins, shareWin } from './data';
import { addDays, earliestCreated, shareCandidates } from './logic';

interface Props {
  api: ApiClient;
  me: Me;
  circleId: number;
  version: number;
  onShared: () => void;
}

async function loadCandidates(api: ApiClient, circleId: number, timezone: string): Promise<Win[]> {
  const today = todayIn(timezone);
  const wins = await recentWins(api, addDays(today, -30), today);
  const since = earliestCreated(wins);
  if (!since) return [];
  return shareCandidates(wins, await mySharedWinIds(api, circleId, since));
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

export function ShareWinForm({ api, me, circleId, version, onShared }: Props) {
  const { data: wins, failed, retry, set } = useLoad(() => loadCandidates(api, circleId, me.timezone), [api, circleId, version]);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const picked = wins?.some((w) => String(w.id) === choice) ? choice : String(wins?.[0]?.id ?? '');

  const submit = async (e: Event) => {
    e.preventDefault();
    setAnnounce(null);
    if (!picked) {
      setError('Pick a win to share.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await shareWin(api, circleId, Number(picked));
      set((list) => (list ?? []).filter((w) => String(w.id) !== picked));
      setAnnounce('Shared with the circle.');
      onShared();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setError(err instanceof ApiError ? sentence(err.message) : 'Sharing failed. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="circles-share">
      <h3 id="circle-share-title">Share a win</h3>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>Your recent wins could not be loaded.</StatusNote>
      ) : wins === null ? (
        <StatusNote kind="loading">Loading your recent wins…</StatusNote>
      ) : wins.length === 0 ? (
        <StatusNote kind="empty">
          <>No recent wins left to share. Log one on <Link href="/">Today</Link> or in <Link href="/wins">Wins</Link>.</>
        </StatusNote>
      ) : (
        <form class="form circles-share-form" onSubmit={submit} noValidate aria-labelledby="circle-share-title">
          <SelectField id="circle-share-win" label="One of your wins from the last 30 days" value={picked} error={error}
            options={wins.map((w) => ({ value: String(w.id), label: `${formatDay(w.date)}: ${short(w.text)}` }))}
            onChange={(v) => { setChoice(v); setError(undefined); }} />
          <div class="form-actions">
            <button type="submit" class="button" disabled={busy}>{busy ? 'Sharing…' : 'Share with the circle'}</button>
          </div>
        </form>
      )}
      <p class="form-status" role="status">{announce}</p>
    </div>
  );
}

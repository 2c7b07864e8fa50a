// Share the win with another of your circles: pick one and share.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { SelectField } from '../SelectField';
import { type Circle, shareWin } from './data';
import { shareErrorText } from './logic';

interface Props {
  api: ApiClient;
  winId: number;
  circles: readonly Circle[];  // the ones it is not shared with yet (at least one)
  onShared: (circle: Circle) => void;
}

export function ShareForm({ api, winId, circles, onShared }: Props) {
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const picked = circles.some((c) => String(c.id) === choice) ? choice : String(circles[0]?.id ?? '');

  const submit = async (e: Event) => {
    e.preventDefault();
    const circle = circles.find((c) => String(c.id) === picked);
    if (!circle) {
      setError('Pick a circle to share it with.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await shareWin(api, circle.id, winId);
      setChoice('');
      onShared(circle);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setError(err instanceof ApiError ? shareErrorText(err.status, sentence(err.message)) : 'Sharing failed. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form wins-share-form" onSubmit={submit} noValidate aria-labelledby="wins-share-title">
      <h3 id="wins-share-title">Share with another circle</h3>
      <SelectField id="wins-share-circle" label="Circle" value={picked} error={error}
        options={circles.map((c) => ({ value: String(c.id), label: c.name }))}
        onChange={(v) => { setChoice(v); setError(undefined); }} />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>{busy ? 'Sharing…' : 'Share'}</button>
      </div>
    </form>
  );
}

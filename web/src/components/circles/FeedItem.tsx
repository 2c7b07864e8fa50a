// One shared win: who, when, how big, its kudos; kudos for others' wins, "Take back" for yours.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { formatDay } from '../../dates';
import { sentence } from '../../messages';
import { type FeedEntry, type Kudos, unshareWin } from './data';
import { KudosForm } from './KudosForm';
import { KUDOS_EMOJI, sizeLabel } from './logic';

interface Props {
  api: ApiClient;
  circleId: number;
  entry: FeedEntry;
  onKudos: (k: Kudos) => void;
  onTakenBack: (winId: number) => void;
}

const emojiName = (emoji: string) => KUDOS_EMOJI.find((k) => k.emoji === emoji)?.label;

export function FeedItem({ api, circleId, entry: e, onKudos, onTakenBack }: Props) {
  const [giving, setGiving] = useState(false);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const takeBack = async () => {
    setBusy(true);
    setError(null);
    try {
      await unshareWin(api, circleId, e.win_id);
      onTakenBack(e.win_id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setError(err instanceof ApiError ? sentence(err.message) : 'Taking it back failed. Please try again.');
      setBusy(false);
    }
  };

  return (
    <li class="circles-feed-item" data-win-id={e.win_id}>
      <p class="circles-feed-meta">
        <span class="circles-feed-author">{e.mine ? 'You' : e.author}</span>
        <time dateTime={e.date} class="circles-muted">{formatDay(e.date)}</time>
        <span class="win-size">{sizeLabel(e.size)}</span>
      </p>
      <p class="circles-feed-text win-text">{e.text}</p>
      {e.kudos.length > 0 && (
        <ul class="circles-kudos-list" aria-label={`Kudos on this win (${e.kudos.length})`}>
          {e.kudos.map((k) => {
            const name = emojiName(k.emoji);
            return (
              <li key={k.id} class="circles-kudos">
                <span class="circles-kudos-emoji" role={name ? 'img' : undefined} aria-label={name}>{k.emoji}</span>{' '}
                {k.message && <><span class="circles-kudos-message">{k.message}</span>{' '}</>}
                <span class="circles-muted circles-kudos-from">from {k.from}</span>
              </li>
            );
          })}
        </ul>
      )}
      {e.mine ? (
        !asking ? (
          <div class="form-actions">
            <button type="button" class="button button--quiet" onClick={() => setAsking(true)}>Take back</button>
          </div>
        ) : (
          <div class="circles-takeback" role="group" aria-label="Take back this win">
            <p>Take this win back from the circle? The kudos on it here go with it. The win stays in your journal.</p>
            <div class="form-actions">
              <button type="button" class="button button--danger" disabled={busy} onClick={takeBack}>{busy ? 'Taking back…' : 'Yes, take it back'}</button>
              <button type="button" class="button button--quiet" onClick={() => setAsking(false)}>Keep it shared</button>
            </div>
          </div>
        )
      ) : giving ? (
        <KudosForm api={api} circleId={circleId} winId={e.win_id} author={e.author}
          onSent={(k) => { onKudos(k); setGiving(false); }} onCancel={() => setGiving(false)} />
      ) : (
        <div class="form-actions">
          <button type="button" class="button button--quiet" onClick={() => setGiving(true)}>Send kudos</button>
        </div>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
    </li>
  );
}

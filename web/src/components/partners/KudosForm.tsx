// Kudos on a win someone shares with you: one emoji (a labelled radio group) and an optional message.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { FieldError } from '../FieldError';
import { type Kudos, sendKudos } from './data';
import { KUDOS_EMOJI, KUDOS_MESSAGE_MAX, validateKudos } from './labels';

interface Props {
  api: ApiClient;
  grant: number;
  win: { id: number; text: string };
  onSent: (kudos: Kudos) => void;
  onEnded: () => void;
}

export function KudosForm({ api, grant, win, onSent, onEnded }: Props) {
  const [emoji, setEmoji] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'emoji' | 'message', string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = `kudos-${win.id}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    setFormError(null);
    setSent(false);
    const found = validateKudos(emoji, message);
    setErrors(found);
    if (found.emoji) { document.getElementById(`${id}-emoji-0`)?.focus(); return; }
    if (found.message) { document.getElementById(`${id}-message`)?.focus(); return; }
    setBusy(true);
    try {
      const text = message.trim();
      const k = await sendKudos(api, grant, win.id, text ? { emoji, message: text } : { emoji });
      setEmoji('');
      setMessage('');
      setSent(true);
      onSent(k);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) onEnded();
      else if (err instanceof ApiError && (err.field === 'emoji' || err.field === 'message')) setErrors({ [err.field]: sentence(err.message) });
      else setFormError(err instanceof ApiError ? sentence(err.message) : 'The kudos could not be sent. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="partners-kudos-form" onSubmit={submit} noValidate aria-label={`Send kudos on “${win.text}”`}>
      <fieldset
        class={errors.emoji ? 'field field--invalid' : 'field'}
        aria-describedby={errors.emoji ? `${id}-emoji-error` : undefined}
      >
        <legend>Kudos</legend>
        <div class="partners-emoji" role="radiogroup" aria-label="Choose an emoji">
          {KUDOS_EMOJI.map((k, i) => (
            <div class="choice" key={k.emoji}>
              <input
                id={`${id}-emoji-${i}`}
                type="radio"
                name={`${id}-emoji`}
                value={k.emoji}
                checked={emoji === k.emoji}
                aria-invalid={errors.emoji ? 'true' : undefined}
                onChange={() => { setEmoji(k.emoji); setErrors((x) => ({ ...x, emoji: undefined })); }}
              />
              <label for={`${id}-emoji-${i}`} title={k.name}>
                <span aria-hidden="true">{k.emoji}</span>
                <span class="visually-hidden">{k.name}</span>
              </label>
            </div>
          ))}
        </div>
        <FieldError id={`${id}-emoji-error`} message={errors.emoji} />
      </fieldset>
      <div class={errors.message ? 'field field--invalid' : 'field'}>
        <label for={`${id}-message`}>Message (optional)</label>
        <input
          id={`${id}-message`}
          name={`${id}-message`}
          type="text"
          maxLength={KUDOS_MESSAGE_MAX}
          value={message}
          aria-invalid={errors.message ? 'true' : undefined}
          aria-describedby={errors.message ? `${id}-message-error` : undefined}
          onInput={(e) => { setMessage(e.currentTarget.value); setErrors((x) => ({ ...x, message: undefined })); }}
        />
        <FieldError id={`${id}-message-error`} message={errors.message} />
      </div>
      {formError && <p class="form-error" role="alert">{formError}</p>}
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>{busy ? 'Sending…' : 'Send kudos'}</button>
        <p class="form-status" aria-live="polite">{sent ? 'Kudos sent.' : ''}</p>
      </div>
    </form>
  );
}

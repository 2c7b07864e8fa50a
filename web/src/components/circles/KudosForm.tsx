// Kudos on someone's shared win: one emoji from a small set (a radio group) and an optional message.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { FieldError, describedBy } from '../FieldError';
import { TextField } from '../TextField';
import { type Kudos, sendKudos } from './data';
import { type Errors, KUDOS_EMOJI, type KudosField, validateKudos } from './logic';

interface Props {
  api: ApiClient;
  circleId: number;
  winId: number;
  author: string;
  onSent: (k: Kudos) => void;
  onCancel: () => void;
}

export function KudosForm({ api, circleId, winId, author, onSent, onCancel }: Props) {
  const [emoji, setEmoji] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Errors<KudosField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const id = `kudos-${winId}`;

  useEffect(() => { first.current?.focus(); }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validateKudos(emoji, message);
    setErrors(found);
    setFormError(null);
    if (found.emoji) return document.getElementById(`${id}-emoji-0`)?.focus();
    if (found.message) return document.getElementById(`${id}-message`)?.focus();
    setSending(true);
    try {
      onSent(await sendKudos(api, circleId, winId, emoji, message.trim()));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && (err.field === 'emoji' || err.field === 'message')) {
        setErrors({ [err.field]: sentence(err.message) });
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'The kudos could not be sent. Please try again.');
      }
    } finally {
      setSending(false);
    }
  };

  const emojiError = errors.emoji;
  return (
    <form class="form circles-kudos-form" onSubmit={submit} noValidate aria-label={`Kudos for ${author}`}>
      {formError && <p class="form-error" role="alert">{formError}</p>}
      <fieldset class={emojiError ? 'field field--invalid' : 'field'} aria-describedby={describedBy(`${id}-emoji`, false, emojiError)}>
        <legend>Pick an emoji</legend>
        <div class="circles-emoji-options">
          {KUDOS_EMOJI.map((k, i) => (
            <span class="choice circles-emoji-option" key={k.emoji}>
              <input ref={i === 0 ? first : undefined} id={`${id}-emoji-${i}`} type="radio" name={`${id}-emoji`} value={k.emoji}
                checked={emoji === k.emoji} aria-invalid={emojiError ? 'true' : undefined}
                onChange={() => { setEmoji(k.emoji); setErrors({}); }} />
              <label for={`${id}-emoji-${i}`}>
                <span aria-hidden="true" class="circles-emoji-glyph">{k.emoji}</span>
                <span>{k.label}</span>
              </label>
            </span>
          ))}
        </div>
        <FieldError id={`${id}-emoji-error`} message={emojiError} />
      </fieldset>
      <TextField id={`${id}-message`} label="Message (optional)" value={message} autocomplete="off" error={errors.message}
        hint="Up to 280 characters." onInput={(v) => { setMessage(v); setErrors({}); }} />
      <div class="form-actions">
        <button type="submit" class="button" disabled={sending}>{sending ? 'Sending…' : 'Send kudos'}</button>
        <button type="button" class="button button--quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

// "I slipped": recorded without blame. An action goal goes back to getting ready, history kept.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { byteLength } from '../../checkin-form';
import { sentence } from '../../messages';
import { FieldError } from '../FieldError';
import { type GoalDetail, recordSlip } from './data';

const NOTE_MAX = 1000;

interface Props {
  api: ApiClient;
  goal: GoalDetail;
  onRecorded: (goal: GoalDetail) => void;
}

export function SlipForm({ api, goal, onRecorded }: Props) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (open) noteRef.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    setNoteError(undefined);
    setFormError(null);
    setTimeout(() => opener.current?.focus(), 0);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setFormError(null);
    if (byteLength(note.trim()) > NOTE_MAX) {
      setNoteError(`Keep the note to at most ${NOTE_MAX} bytes.`);
      noteRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const next = await recordSlip(api, goal.id, note);
      setNote('');
      setOpen(false);
      onRecorded(next);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && err.field === 'note') {
        setNoteError(sentence(err.message));
        noteRef.current?.focus();
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'Saving failed. Please try again.');
      }
    } finally {
      setSaving(false);
    }
  };

  if (!open) {
    return (
      <div class="goal-slip">
        <button type="button" ref={opener} class="button button--quiet" aria-expanded="false" onClick={() => setOpen(true)}>
          I slipped…
        </button>
      </div>
    );
  }
  return (
    <form class="form goal-slip goal-slip-form" onSubmit={submit} noValidate aria-labelledby="goal-slip-title">
      <h3 id="goal-slip-title">Record a slip</h3>
      <p class="section-intro">
        A slip is part of changing a habit, not the end of it. The goal goes back to “getting ready”, and
        everything you have built stays: your history, your streaks and your habit strength.
      </p>
      {formError && <p class="form-error" role="alert">{formError}</p>}
      <div class={noteError ? 'field field--invalid' : 'field'}>
        <label for="goal-slip-note">What got in the way? (optional)</label>
        <textarea
          id="goal-slip-note"
          name="goal-slip-note"
          ref={noteRef}
          rows={2}
          value={note}
          aria-invalid={noteError ? 'true' : undefined}
          aria-describedby={noteError ? 'goal-slip-note-error' : undefined}
          onInput={(e) => { setNote(e.currentTarget.value); setNoteError(undefined); }}
        />
        <FieldError id="goal-slip-note-error" message={noteError} />
      </div>
      <div class="form-actions">
        <button type="submit" class="button" disabled={saving}>{saving ? 'Saving…' : 'Record the slip'}</button>
        <button type="button" class="button button--quiet" onClick={close}>Cancel</button>
      </div>
    </form>
  );
}

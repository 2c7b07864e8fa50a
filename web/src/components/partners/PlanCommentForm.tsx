// A coach's comment on a conversation plan shared with them.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { TextAreaField } from '../TextAreaField';
import { type PlanComment, sendPlanComment } from './data';

interface Props {
  api: ApiClient;
  grant: number;
  plan: { id: number; title: string };
  onSent: (comment: PlanComment) => void;
  onEnded: () => void;
}

export function PlanCommentForm({ api, grant, plan, onSent, onEnded }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = `plan-${plan.id}-comment`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      setError('Write a comment first.');
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const c = await sendPlanComment(api, grant, plan.id, text.trim());
      setText('');
      onSent(c);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) onEnded();
      else setError(err instanceof ApiError ? sentence(err.message) : 'The comment could not be sent. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form partners-comment-form" onSubmit={submit} noValidate aria-label={`Comment on “${plan.title}”`}>
      <TextAreaField id={id} label="Your comment" value={text} error={error} rows={3} onInput={(v) => { setText(v); setError(undefined); }} />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>{busy ? 'Sending…' : 'Add comment'}</button>
      </div>
    </form>
  );
}

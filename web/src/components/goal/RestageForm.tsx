// The one staging question, asked again; the answer places the goal in a stage.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { FieldError } from '../FieldError';
import { type GoalDetail, restage } from './data';
import { type StagingAnswer, STAGING_ANSWERS, stageLabel } from './labels';

interface Props {
  api: ApiClient;
  goal: GoalDetail;
  onChange: (goal: GoalDetail) => void;
}

export function RestageForm({ api, goal, onChange }: Props) {
  const [answer, setAnswer] = useState<StagingAnswer | null>(null);
  const [answerError, setAnswerError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const focusFirst = () => document.getElementById(`goal-stage-${answer ?? STAGING_ANSWERS[0]?.answer}`)?.focus();

  const submit = async (e: Event) => {
    e.preventDefault();
    setFormError(null);
    setSaved(null);
    if (!answer) {
      setAnswerError('Choose the answer that fits best.');
      focusFirst();
      return;
    }
    setSaving(true);
    try {
      const next = await restage(api, goal.id, answer);
      onChange(next);
      setAnswer(null);
      setSaved(`Saved. This goal is now at “${stageLabel(next.stage)}”.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && err.field === 'answer') {
        setAnswerError(sentence(err.message));
        focusFirst();
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'Saving failed. Please try again.');
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="form goal-restage" onSubmit={submit} noValidate>
      {formError && <p class="form-error" role="alert">{formError}</p>}
      <fieldset
        class={answerError ? 'field field--invalid' : 'field'}
        aria-describedby={answerError ? 'goal-stage-error' : undefined}
      >
        <legend>Where are you with this goal now?</legend>
        <div class="goal-choices">
          {STAGING_ANSWERS.map((a) => (
            <div key={a.answer} class="goal-choice">
              <input
                type="radio"
                id={`goal-stage-${a.answer}`}
                name="goal-stage-answer"
                value={a.answer}
                checked={answer === a.answer}
                aria-invalid={answerError ? 'true' : undefined}
                onChange={() => { setAnswer(a.answer); setAnswerError(undefined); setSaved(null); }}
              />
              <label for={`goal-stage-${a.answer}`}>{a.label}</label>
            </div>
          ))}
        </div>
        <FieldError id="goal-stage-error" message={answerError} />
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button" disabled={saving}>{saving ? 'Saving…' : 'Save my answer'}</button>
      </div>
      <p class="form-status" role="status">{saved}</p>
    </form>
  );
}

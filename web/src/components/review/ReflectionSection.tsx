// "How well did this week reflect your values?" 0-10 with an optional note, saved per week, and
// the recent answers as a small bar list (text first, so it needs no chart to read).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import type { FieldErrors } from '../../checkin-form';
import { sentence } from '../../messages';
import { RatingField } from '../RatingField';
import { StatusNote } from '../StatusNote';
import { TextAreaField } from '../TextAreaField';
import { dayMonth } from '../boundaries/days';
import { type Reflection, reflect } from './data';
import { type ReflectionField, isReflectionField, validateReflection } from './review';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

interface Props {
  api: ApiClient;
  monday: string;
  thisWeek: boolean;
  saved: Reflection | null;
  recent: Reflection[] | null;
  recentError: boolean;
  onSaved: (r: Reflection) => void;
}

export function ReflectionSection({ api, monday, thisWeek, saved, recent, recentError, onSaved }: Props) {
  const [score, setScore] = useState<number | null>(saved?.values ?? null);
  const [note, setNote] = useState(saved?.note ?? '');
  const [errors, setErrors] = useState<FieldErrors<ReflectionField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Another week, or its saved answer arrived: start from what is stored.
  useEffect(() => {
    setScore(saved?.values ?? null);
    setNote(saved?.note ?? '');
    setErrors({});
    setFormError(null);
  }, [monday, saved]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validateReflection(score, note);
    setErrors(found);
    setFormError(null);
    setAnnounce(null);
    if (Object.keys(found).length || score === null) {
      document.getElementById(found.values ? 'review-values-0' : 'review-note')?.focus();
      return;
    }
    setSaving(true);
    try {
      const trimmed = note.trim();
      const r = await reflect(api, { values: score, date: monday, note: trimmed === '' ? null : trimmed });
      setAnnounce(saved ? 'Reflection updated.' : 'Reflection saved.');
      onSaved(r);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && isReflectionField(err.field)) setErrors({ [err.field]: sentence(err.message) });
      else setFormError(err instanceof ApiError ? sentence(err.message) : 'Saving failed. Please try again.');
    } finally {
      setSaving(false);
    }
  };

  // A changed answer: its error and the last "saved" go.
  const edited = (field: ReflectionField) => {
    setErrors({ ...errors, [field]: undefined });
    setAnnounce(null);
  };

  const question = thisWeek ? 'How well did this week reflect your values?' : 'How well did that week reflect your values?';

  return (
    <section class="card review-card review-reflection" aria-labelledby="review-reflection-title">
      <h2 id="review-reflection-title">Values reflection</h2>
      {saved ? (
        <p class="review-saved">
          You answered <strong>{saved.values} out of 10</strong> for this week.
          {saved.note && <span class="review-saved-note"> Your note: “{saved.note}”</span>}
        </p>
      ) : (
        <p class="section-intro">No answer for this week yet. A number and, if you like, a line about why.</p>
      )}
      <form class="form" onSubmit={submit} noValidate>
        {formError && <p class="form-error" role="alert">{formError}</p>}
        <RatingField
          id="review-values"
          legend={question}
          low="not at all"
          high="completely"
          scale={SCORES}
          optionsClass="review-scores"
          value={score}
          onChange={(n) => {
            setScore(n);
            edited('values');
          }}
          error={errors.values}
        />
        <TextAreaField
          id="review-note"
          label="Note (optional)"
          rows={3}
          value={note}
          onInput={(text) => {
            setNote(text);
            edited('note');
          }}
          error={errors.note}
        />
        <div class="form-actions">
          <button type="submit" class="button" disabled={saving}>
            {saving ? 'Saving…' : saved ? 'Update reflection' : 'Save reflection'}
          </button>
          <p class="form-status" role="status">{announce}</p>
        </div>
      </form>
      <h3 id="review-recent-title">Recent answers</h3>
      {recentError ? (
        <StatusNote kind="error">Your recent answers could not be loaded.</StatusNote>
      ) : recent === null ? (
        <StatusNote kind="loading">Loading your recent answers…</StatusNote>
      ) : recent.length === 0 ? (
        <StatusNote kind="empty">No answers in the last twelve weeks yet. Each week’s answer adds a bar here.</StatusNote>
      ) : (
        <ol class="review-trend" aria-labelledby="review-recent-title">
          {recent.map((r) => (
            <li key={r.week} class={r.week === monday ? 'review-trend-row review-trend-row--current' : 'review-trend-row'}>
              <span class="review-trend-week">Week of {dayMonth(r.week)}</span>
              <span class="review-trend-bar" aria-hidden="true">
                <span class="review-trend-fill" style={{ width: `${(r.values / 10) * 100}%` }} />
              </span>
              <span class="review-trend-value">{r.values}<span class="visually-hidden"> out of 10</span></span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

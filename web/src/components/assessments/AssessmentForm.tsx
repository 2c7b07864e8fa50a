// Taking an instrument: every statement answered, then the answers sent in item order.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { type AssessmentResult, type Instrument, submitAssessment } from './data';
import { type Answers, answersBody, emptyAnswers, responseOptions, validateAnswers } from './logic';
import { ItemField } from './ItemField';

interface Props {
  api: ApiClient;
  instrument: Instrument;
  onSaved: (result: AssessmentResult) => void;
  onCancel: () => void;
}

// The API names the whole `answers` field; its message says which answer ("answer 16 must be ...").
function itemFromMessage(message: string): number | null {
  const m = /\banswer (\d+)\b/i.exec(message);
  return m ? Number(m[1]) - 1 : null;
}

export function AssessmentForm({ api, instrument, onSaved, onCancel }: Props) {
  const [answers, setAnswers] = useState<Answers>(() => emptyAnswers(instrument));
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const options = responseOptions(instrument);
  const base = `assess-${instrument.id}-item`;

  // An error that names no item is read out and focused once it shows.
  useEffect(() => {
    if (formError) summaryRef.current?.focus();
  }, [formError]);

  const choose = (index: number, value: number) => {
    setAnswers((a) => a.map((x, i) => (i === index ? value : x)));
    setErrors((e) => {
      const next = { ...e };
      delete next[index];
      return next;
    });
  };

  const focusItem = (index: number) => {
    const first = document.getElementById(`${base}-${index + 1}-${options[0]?.value ?? ''}`);
    first?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setFormError(null);
    const found = validateAnswers(instrument, answers);
    setErrors(found);
    const missing = Object.keys(found).map(Number).sort((a, b) => a - b);
    if (missing.length) {
      const first = missing[0];
      if (first !== undefined) focusItem(first);
      return;
    }
    setSaving(true);
    try {
      const result = await submitAssessment(api, answersBody(instrument, answers));
      onSaved(result);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      const message = err instanceof ApiError ? sentence(err.message) : 'Saving failed. Please try again.';
      const item = err instanceof ApiError && err.field === 'answers' ? itemFromMessage(err.message) : null;
      if (item !== null && item >= 0 && item < instrument.items.length) {
        setErrors({ [item]: message });
        focusItem(item);
      } else {
        setFormError(message);
      }
    } finally {
      setSaving(false);
    }
  };

  const missingCount = Object.keys(errors).length;
  return (
    <form class="form assess-form" onSubmit={submit} noValidate aria-labelledby={`assess-${instrument.id}-form-title`}>
      <h3 id={`assess-${instrument.id}-form-title`}>Take the {instrument.title.toLowerCase()}</h3>
      <p class="field-hint">
        {instrument.items.length} statements. Choose the answer that fits best; there are no right or wrong answers.
      </p>
      {(formError || missingCount > 0) && (
        <p ref={summaryRef} tabIndex={-1} class="form-error" role="alert">
          {formError ?? (missingCount === 1 ? '1 statement still needs an answer.' : `${missingCount} statements still need an answer.`)}
        </p>
      )}
      {instrument.items.map((item, i) => (
        <ItemField
          key={item.id}
          id={`${base}-${i + 1}`}
          number={i + 1}
          text={item.text}
          options={options}
          value={answers[i] ?? null}
          onChange={(v) => choose(i, v)}
          error={errors[i]}
        />
      ))}
      <div class="form-actions">
        <button type="submit" class="button" disabled={saving}>{saving ? 'Saving…' : 'See my result'}</button>
        <button type="button" class="button button--quiet" onClick={onCancel} disabled={saving}>Cancel</button>
      </div>
    </form>
  );
}

// The day's check-in on one screen: prefilled from today's check-in, or from a kept draft.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import {
  type CheckInField, type CheckInForm, type FieldErrors, CHECKIN_FIELDS, checkInBody, emptyCheckIn,
  formFromCheckIn, formFromSignals, isCheckInField, tidyCheckIn, validateCheckIn,
} from '../checkin-form';
import type { DraftStore } from '../drafts';
import { sentence } from '../messages';
import type { CheckIn, DailySignals, Evaluation } from '../types';
import { CheckboxField } from './CheckboxField';
import { CheckInHours, CheckInMinutes, CheckInRatings } from './CheckInFields';
import { StatusNote } from './StatusNote';
import { TextAreaField } from './TextAreaField';

interface Props {
  api: ApiClient;
  drafts: DraftStore;
  account: number;
  date: string;
  draft: CheckInForm | undefined;
  onSaved: (evaluations: Evaluation[]) => void;
}

type Phase = 'loading' | 'ready' | 'load-error';

// The control that takes focus for a field (a rating's first choice stands for the group).
function controlId(field: CheckInField): string {
  return field === 'stress' || field === 'energy' ? `checkin-${field}-1` : `checkin-${field}`;
}

export function CheckInSection({ api, drafts, account, date, draft, onSaved }: Props) {
  const [phase, setPhase] = useState<Phase>('loading');
  const [existing, setExisting] = useState<CheckIn | null>(null);
  const [form, setForm] = useState<CheckInForm>(draft ?? emptyCheckIn());
  const [restored, setRestored] = useState(Boolean(draft));
  const [fromEvidence, setFromEvidence] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<CheckInField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const mounted = useRef(true);

  useEffect(() => () => { mounted.current = false; }, []);

  useEffect(() => {
    setPhase('loading');
    api.checkIn(date).then(
      (c) => {
        if (!mounted.current) return;
        setExisting(c);
        if (!draft && c) setForm(formFromCheckIn(c));
        setPhase('ready');
        // No check-in yet: fill in what an imported calendar or tracker already says about today.
        if (!draft && !c) {
          api.request<DailySignals[]>('GET', `/signals?${new URLSearchParams({ from: date, to: date })}`).then(
            (days) => {
              if (!mounted.current) return;
              setForm((f) => {
                const filled = formFromSignals(f, days[0]);
                if (filled) setFromEvidence(true);
                return filled ?? f;
              });
            },
            () => { /* the form works without evidence */ },
          );
        }
      },
      (err) => {
        if (!mounted.current || (err instanceof ApiError && err.status === 401)) return;
        setPhase('load-error');
      },
    );
  }, [api, date, attempt]);

  const update = (patch: Partial<CheckInForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    drafts.save(account, date, 'checkin', next);
    setSaved(null);
    const cleared = { ...errors };
    for (const key of Object.keys(patch) as CheckInField[]) delete cleared[key];
    setErrors(cleared);
  };

  const focusFirst = (found: FieldErrors<CheckInField>) => {
    const field = CHECKIN_FIELDS.find((f) => found[f]);
    if (field) document.getElementById(controlId(field))?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const tidy = tidyCheckIn(form);
    setForm(tidy);
    const found = validateCheckIn(tidy);
    setErrors(found);
    setFormError(null);
    setSaved(null);
    if (Object.keys(found).length) {
      focusFirst(found);
      return;
    }
    setSaving(true);
    try {
      const result = await api.putCheckIn(date, checkInBody(tidy));
      if (!mounted.current) return;
      drafts.save(account, date, 'checkin', undefined);
      setExisting(result);
      setForm(formFromCheckIn(result));
      setRestored(false);
      setSaved(result.updated ? 'Check-in updated.' : 'Check-in saved.');
      onSaved(result.boundaries);
    } catch (err) {
      // On 401 the draft is already kept and the app is on its way to sign-in.
      if (!mounted.current || (err instanceof ApiError && err.status === 401)) return;
      if (err instanceof ApiError && isCheckInField(err.field)) {
        const fieldErrors = { [err.field]: sentence(err.message) };
        setErrors(fieldErrors);
        focusFirst(fieldErrors);
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'Saving failed. Please try again.');
      }
    } finally {
      if (mounted.current) setSaving(false);
    }
  };

  const parts = { form, fieldId: (f: CheckInField) => `checkin-${f}`, error: (f: CheckInField) => errors[f], update };

  return (
    <section class="card checkin" aria-labelledby="checkin-title">
      <h2 id="checkin-title">Check-in</h2>
      {phase === 'loading' && <StatusNote kind="loading">Loading today’s check-in…</StatusNote>}
      {phase === 'load-error' && (
        <StatusNote kind="error" onRetry={() => setAttempt((n) => n + 1)}>
          Today’s check-in could not be loaded.
        </StatusNote>
      )}
      {phase === 'ready' && (
        <>
          <p class="section-intro">
            {restored
              ? 'Restored the check-in you had not saved yet. Save it to keep it.'
              : existing
                ? 'You checked in today already. Change anything and save again.'
                : fromEvidence
                  ? 'Your imported calendar and activity filled in the times. Check them, add how you felt, and save.'
                  : 'How did today go? One minute is enough.'}
          </p>
          <form class="form" onSubmit={submit} noValidate aria-describedby={formError ? 'checkin-form-error' : undefined}>
            {formError && (
              <p id="checkin-form-error" class="form-error" role="alert">
                {formError}
              </p>
            )}
            <CheckInHours {...parts} />
            <CheckInRatings {...parts} />
            <div class="field-row">
              <CheckInMinutes {...parts} field="after_hours" label="After-hours work (minutes)" />
              <CheckInMinutes {...parts} field="break" label="Longest break (minutes)" />
            </div>
            <CheckboxField
              id="checkin-progress"
              label="I made progress on meaningful work"
              checked={form.progress}
              onChange={(progress) => update({ progress })}
              error={errors.progress}
            />
            <CheckboxField
              id="checkin-setback"
              label="I had a setback"
              checked={form.setback}
              onChange={(setback) => update({ setback })}
              error={errors.setback}
            />
            <TextAreaField
              id="checkin-note"
              label="Note (optional)"
              rows={3}
              value={form.note}
              onInput={(note) => update({ note })}
              error={errors.note}
            />
            <div class="form-actions">
              <button type="submit" class="button" disabled={saving}>
                {saving ? 'Saving…' : existing ? 'Update check-in' : 'Save check-in'}
              </button>
              <p class="form-status" role="status">
                {saved}
              </p>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

// "Log a win" in a few seconds, with today's wins below it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import type { FieldErrors } from '../checkin-form';
import type { DraftStore } from '../drafts';
import { sentence } from '../messages';
import type { Win } from '../types';
import { type WinField, type WinForm, emptyWin, isWinField, validateWin, winBody } from '../win-form';
import { StatusNote } from './StatusNote';
import { WinFields } from './WinFields';
import { WinList } from './WinList';

interface Props {
  api: ApiClient;
  drafts: DraftStore;
  account: number;
  date: string;
  draft: WinForm | undefined;
}

export function WinsSection({ api, drafts, account, date, draft }: Props) {
  const [wins, setWins] = useState<Win[] | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [form, setForm] = useState<WinForm>(draft ?? emptyWin());
  const [errors, setErrors] = useState<FieldErrors<WinField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [announce, setAnnounce] = useState<string | null>(draft ? 'Restored the win you had not logged yet.' : null);
  const textRef = useRef<HTMLInputElement>(null);
  const mounted = useRef(true);

  useEffect(() => () => { mounted.current = false; }, []);

  useEffect(() => {
    setLoadError(false);
    api.wins(date, date).then(
      (list) => mounted.current && setWins([...list].sort((a, b) => b.id - a.id)),
      (err) => {
        if (mounted.current && !(err instanceof ApiError && err.status === 401)) setLoadError(true);
      },
    );
  }, [api, date, attempt]);

  const update = (patch: Partial<WinForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    drafts.save(account, date, 'win', next.text === '' ? undefined : next);
    setErrors({});
    setAnnounce(null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validateWin(form);
    setErrors(found);
    setFormError(null);
    if (found.text) {
      textRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const win = await api.logWin(winBody(form, date));
      if (!mounted.current) return;
      drafts.save(account, date, 'win', undefined);
      setWins((list) => [win, ...(list ?? [])]);
      setForm({ text: '', size: form.size });
      setAnnounce('Win logged.');
      textRef.current?.focus();
    } catch (err) {
      if (!mounted.current || (err instanceof ApiError && err.status === 401)) return;
      if (err instanceof ApiError && isWinField(err.field)) {
        setErrors({ [err.field]: sentence(err.message) });
        if (err.field === 'text') textRef.current?.focus();
      } else {
        setFormError(err instanceof ApiError ? sentence(err.message) : 'Logging the win failed. Please try again.');
      }
    } finally {
      if (mounted.current) setSaving(false);
    }
  };

  return (
    <section class="card wins" aria-labelledby="wins-title">
      <h2 id="wins-title">Log a win</h2>
      <form class="form win-form" onSubmit={submit} noValidate>
        {formError && (
          <p class="form-error" role="alert">
            {formError}
          </p>
        )}
        <WinFields
          form={form}
          fieldId={(f) => `win-${f}`}
          error={(f) => errors[f]}
          update={update}
          label="What went well?"
          saving={saving}
          textRef={textRef}
        />
        <p class="form-status" role="status">
          {announce}
        </p>
      </form>
      <h3 id="wins-today-title">Today’s wins</h3>
      {loadError ? (
        <StatusNote kind="error" onRetry={() => setAttempt((n) => n + 1)}>
          Today’s wins could not be loaded.
        </StatusNote>
      ) : wins === null ? (
        <StatusNote kind="loading">Loading today’s wins…</StatusNote>
      ) : wins.length === 0 ? (
        <StatusNote kind="empty">No wins logged today yet. Small ones count too.</StatusNote>
      ) : (
        <WinList wins={wins} />
      )}
    </section>
  );
}

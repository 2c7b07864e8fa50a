// One instrument: what it is, its licence, the latest result, the history per scale, and the form.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { formatDay } from '../../dates';
import { StatusNote } from '../StatusNote';
import { AssessmentForm } from './AssessmentForm';
import { type Assessment, type AssessmentResult, type Instrument, loadHistory } from './data';
import { chronological, supportScales } from './logic';
import { ScoreHistory } from './ScoreHistory';
import { ScoreList } from './ScoreList';
import { SupportNote } from './SupportNote';

export function InstrumentSection({ api, instrument }: { api: ApiClient; instrument: Instrument }) {
  const [history, setHistory] = useState<Assessment[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [taking, setTaking] = useState(false);
  const [result, setResult] = useState<AssessmentResult | null>(null);
  const mounted = useRef(true);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const takeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => () => { mounted.current = false; }, []);

  useEffect(() => {
    setFailed(false);
    loadHistory(api, instrument.id).then(
      (list) => mounted.current && setHistory(list),
      (err) => mounted.current && !(err instanceof ApiError && err.status === 401) && setFailed(true),
    );
  }, [api, instrument.id, attempt]);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const onSaved = (r: AssessmentResult) => {
    setResult(r);
    setTaking(false);
    setHistory((h) => [...(h ?? []).filter((a) => a.id !== r.id), r]);
    setAttempt((n) => n + 1);  // and read back what was stored
  };

  const ordered = history ? chronological(history) : [];
  const latest = result ?? ordered[ordered.length - 1] ?? null;
  const needSupport = latest ? supportScales(instrument, latest.scores) : [];
  const supportText = result?.support ?? instrument.support_pointer;
  const scaleTitles = needSupport.map((id) => instrument.scales.find((s) => s.id === id)?.title ?? id);
  const id = `assess-${instrument.id}`;

  return (
    <section class="card assess-instrument" aria-labelledby={`${id}-title`} data-instrument={instrument.id}>
      <h2 id={`${id}-title`}>{instrument.title}</h2>
      <p class="assess-note">{instrument.note}</p>
      <p class="assess-licence">
        <span class="assess-licence-label">Licence:</span> {instrument.licence}
      </p>

      {needSupport.length > 0 && <SupportNote text={supportText} scales={scaleTitles} />}

      {result ? (
        <div class="assess-result" data-assessment={result.id}>
          <h3 ref={resultRef} tabIndex={-1}>Your result, {formatDay(result.date)}</h3>
          <p class="form-status" role="status">Saved.</p>
          <ScoreList instrument={instrument} scores={result.scores} changes={result.changes} />
        </div>
      ) : failed ? (
        <StatusNote kind="error" onRetry={() => setAttempt((n) => n + 1)}>Your past results could not be loaded.</StatusNote>
      ) : history === null ? (
        <StatusNote kind="loading">Loading your past results…</StatusNote>
      ) : latest ? (
        <div class="assess-latest" data-assessment={latest.id}>
          <h3>Last time, {formatDay(latest.date)}</h3>
          <ScoreList instrument={instrument} scores={latest.scores} />
        </div>
      ) : (
        <StatusNote kind="empty">You have not taken the {instrument.title.toLowerCase()} yet.</StatusNote>
      )}

      {taking ? (
        <AssessmentForm
          api={api}
          instrument={instrument}
          onSaved={onSaved}
          onCancel={() => {
            setTaking(false);
            requestAnimationFrame(() => takeRef.current?.focus());
          }}
        />
      ) : (
        <div class="form-actions assess-take">
          <button
            ref={takeRef}
            type="button"
            class="button"
            onClick={() => {
              setTaking(true);
              setResult(null);
            }}
          >
            {latest ? `Take the ${instrument.title.toLowerCase()} again` : `Take the ${instrument.title.toLowerCase()}`}
          </button>
          <span class="field-hint">{instrument.items.length} statements, about {Math.max(1, Math.round(instrument.items.length / 5))} minutes</span>
        </div>
      )}

      {history !== null && ordered.length > 0 && (
        <div class="assess-histories">
          <h3>Over time</h3>
          <div class="assess-history-grid">
            {instrument.scales.map((s) => (
              <ScoreHistory key={s.id} instrument={instrument} scale={s} history={ordered} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

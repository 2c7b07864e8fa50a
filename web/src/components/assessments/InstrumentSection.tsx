// One instrument: what it is, its licence, the latest result, the history per scale, and the form.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { formatDay } from '../../dates';
import { useLoad } from '../../use-load';
import { StatusNote } from '../StatusNote';
import { AssessmentForm } from './AssessmentForm';
import { type AssessmentResult, type Instrument, loadHistory } from './data';
import { chronological, supportScales } from './logic';
import { ScoreHistory } from './ScoreHistory';
import { ScoreList } from './ScoreList';
import { SupportNote } from './SupportNote';

export function InstrumentSection({ api, instrument }: { api: ApiClient; instrument: Instrument }) {
  // Loading again (after a save) keeps the history shown, so reload() rather than retry().
  const { data: history, failed, reload, set: setHistory } = useLoad(
    () => loadHistory(api, instrument.id),
    [api, instrument.id],
    { keep: true },
  );
  const [taking, setTaking] = useState(false);
  const [result, setResult] = useState<AssessmentResult | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const takeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const onSaved = (r: AssessmentResult) => {
    setResult(r);
    setTaking(false);
    setHistory((h) => [...(h ?? []).filter((a) => a.id !== r.id), r]);
    reload();  // and read back what was stored
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
        <StatusNote kind="error" onRetry={reload}>Your past results could not be loaded.</StatusNote>
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
          <div class="chart-grid">
            {instrument.scales.map((s) => (
              <ScoreHistory key={s.id} instrument={instrument} scale={s} history={ordered} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

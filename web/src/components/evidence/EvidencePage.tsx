// Calendar and activity: import a calendar or an activity export, see what each import held, remove
// sources, and the last four weeks of work and after-hours time the imports show.
import { useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { formatDay, todayIn } from '../../dates';
import { sentence } from '../../messages';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { CheckboxField } from '../CheckboxField';
import { FieldError, describedBy } from '../FieldError';
import { PageHeading } from '../PageHeading';
import { SelectField } from '../SelectField';
import { StatusNote } from '../StatusNote';
import { TextField } from '../TextField';
import { LineChart, type ChartSeries } from '../insights/LineChart';
import { type ImportResult, type Source, listSources, loadSignals, removeSource, uploadImport } from './data';
import {
  type ImportKind, type Signal, chartTop, formatHours, kindFromFile, signalRange, signalSeries, signalWeeks,
  sourceNameFromFile,
} from './logic';
import './evidence.css';

const KINDS = [
  { value: 'calendar', label: 'Calendar (.ics)' },
  { value: 'activitywatch', label: 'ActivityWatch' },
  { value: 'timewarrior', label: 'Timewarrior' },
] as const;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const short = (d: string) => shortDate.format(new Date(`${d}T00:00:00Z`));

// The API names the line ("line 10"); its message usually starts with it already.
function lineMessage(field: string | null, message: string): string {
  if (!field || !/^line \d+$/.test(field) || message.toLowerCase().startsWith(field)) return message;
  return `${sentence(field)}: ${message}`;
}

function UploadForm({ api, onImported }: { api: ApiClient; onImported: (r: ImportResult) => void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ImportKind>('calendar');
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [keepTitles, setKeepTitles] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ file?: string; name?: string; form?: string }>({});

  const onFile = (f: File | null) => {
    setFile(f);
    setErrors({});
    if (!f) return;
    const k = kindFromFile(f.name) ?? kind;
    setKind(k);
    if (!nameTouched) setName(sourceNameFromFile(f.name, k));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) {
      setErrors({ file: 'Choose a file to import.' });
      fileRef.current?.focus();
      return;
    }
    const source = name.trim() || sourceNameFromFile(file.name, kind);
    setBusy(true);
    setErrors({});
    try {
      const result = await uploadImport(api, file, { kind, source, keepTitles, skipInvalid });
      onImported(result);
    } catch (err) {
      if (err instanceof ApiError) {
        const message = sentence(err.message);
        if (err.field === 'source') setErrors({ name: message });
        else if (err.status === 0 || err.status >= 500) setErrors({ form: message });
        else setErrors({ file: lineMessage(err.field, message) });
        if (err.field !== 'source') fileRef.current?.focus();
      } else {
        setErrors({ form: 'Importing failed. Please try again.' });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form ev-form" onSubmit={submit} noValidate>
      <h2 id="ev-upload-title">Import a file</h2>
      <div class={errors.file ? 'field field--invalid' : 'field'}>
        <label for="ev-file">File to import</label>
        <p id="ev-file-hint" class="field-hint">A calendar export (.ics), or the JSON export of ActivityWatch or Timewarrior.</p>
        <input
          ref={fileRef}
          id="ev-file"
          name="ev-file"
          type="file"
          accept=".ics,.ical,.json,text/calendar,application/json"
          aria-invalid={errors.file ? 'true' : undefined}
          aria-describedby={describedBy('ev-file', true, errors.file)}
          onChange={(e) => onFile(e.currentTarget.files?.[0] ?? null)}
        />
        <FieldError id="ev-file-error" message={errors.file} />
      </div>
      <SelectField id="ev-kind" label="Kind of file" value={kind} options={KINDS} onChange={(v) => setKind(v as ImportKind)} />
      <TextField
        id="ev-source"
        label="Source name"
        hint="Importing again under the same name replaces what that source holds."
        value={name}
        maxLength={100}
        error={errors.name}
        onInput={(v) => { setName(v); setNameTouched(true); }}
      />
      <CheckboxField
        id="ev-keep-titles"
        label={kind === 'calendar' ? 'Keep event titles' : kind === 'activitywatch' ? 'Keep application names' : 'Keep tags'}
        checked={keepTitles}
        onChange={setKeepTitles}
      />
      {kind === 'calendar' && (
        <CheckboxField id="ev-skip-invalid" label="Skip invalid events (list them instead of refusing the file)" checked={skipInvalid} onChange={setSkipInvalid} />
      )}
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>{busy ? 'Importing…' : 'Import'}</button>
      </div>
      {errors.form && <p class="form-error" role="alert">{errors.form}</p>}
    </form>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const skipped = result.skipped ?? [];
  const warnings = result.warnings ?? [];
  const counts: [string, number | undefined][] = [
    ['Events', result.events],
    ['Occurrences', result.occurrences],
    ['Added', result.added],
    ['Changed', result.changed],
    ['Removed', result.removed],
    ['Unchanged', result.unchanged],
    ['Skipped', skipped.length],
  ];
  return (
    <section class="card ev-summary" aria-labelledby="ev-summary-title">
      <h2 id="ev-summary-title" tabIndex={-1}>Imported “{result.source.name}”</h2>
      <dl class="ev-counts">
        {counts.filter(([, n]) => n !== undefined).map(([label, n]) => (
          <div key={label} class="ev-count" data-count={label.toLowerCase()}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      <p class="ev-summary-total">The source now holds {result.source.items} {result.source.items === 1 ? 'item' : 'items'}.</p>
      {skipped.length > 0 && (
        <>
          <h3>Skipped</h3>
          <ul class="ev-lines">{skipped.map((s) => <li key={`s${s.line}`}>Line {s.line}: {sentence(s.reason)}</li>)}</ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h3>Worth knowing</h3>
          <ul class="ev-lines">{warnings.map((w, i) => <li key={`w${i}`}>Line {w.line}: {sentence(w.reason)}</li>)}</ul>
        </>
      )}
    </section>
  );
}

function SourceItem({ source, onRemove }: { source: Source; onRemove: (s: Source) => Promise<string | null> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    const problem = await onRemove(source);
    setBusy(false);
    setError(problem);
    if (problem) setConfirming(false);
  };
  const covered = source.covered_from && source.covered_to ? `${short(source.covered_from)} to ${short(source.covered_to)}` : 'no days yet';
  return (
    <li class="ev-source" data-name={source.name}>
      <div class="ev-source-head">
        <span class="ev-source-name">{source.name}</span>
        <span class="pill">{source.kind}</span>
      </div>
      <p class="ev-source-meta">
        <span class="ev-source-items">{source.items} {source.items === 1 ? 'item' : 'items'}</span>, covering {covered}
      </p>
      {!confirming && (
        <button type="button" class="button button--quiet" onClick={() => setConfirming(true)} aria-label={`Remove ${source.name}`}>
          Remove
        </button>
      )}
      {confirming && (
        <div class="ev-confirm" role="group" aria-label={`Remove ${source.name}?`}>
          <p>Remove “{source.name}” and everything it holds?</p>
          <button type="button" class="button button--danger" onClick={remove} disabled={busy}>
            {busy ? 'Removing…' : 'Yes, remove'}
          </button>
          <button type="button" class="button button--quiet" onClick={() => setConfirming(false)} disabled={busy}>
            Keep it
          </button>
        </div>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
    </li>
  );
}

function SignalsSection({ signals, from, to }: { signals: Signal[]; from: string; to: string }) {
  const weeks = useMemo(() => signalWeeks(signals, from, to), [signals, from, to]);
  const { x, series, top } = useMemo(() => {
    const s = signalSeries(signals, from, to);
    const lines: ChartSeries[] = [
      { label: 'Work', values: s.work, colour: 'accent' },
      { label: 'After hours', values: s.afterHours, colour: 'danger', dashed: true },
    ];
    return { x: s.x, series: lines, top: chartTop(s.work) };
  }, [signals, from, to]);
  const totalWork = weeks.reduce((n, w) => n + w.work, 0);
  const totalAfter = weeks.reduce((n, w) => n + w.afterHours, 0);
  return (
    <section class="card ev-signals" aria-labelledby="ev-signals-title">
      <h2 id="ev-signals-title">Last four weeks</h2>
      <p class="ev-signals-summary">
        From {formatDay(from)} to {formatDay(to)}: {formatHours(totalWork)} of work, {formatHours(totalAfter)} of it after hours.
      </p>
      <div class="ev-table-wrap">
        <table class="ev-table">
          <caption class="visually-hidden">Work and after-hours time per day (hours:minutes)</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {WEEKDAYS.map((d) => <th key={d} scope="col">{d}</th>)}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.monday}>
                <th scope="row">{short(w.monday)}</th>
                {w.days.map((d) => (d.outside
                  ? <td key={d.date} class="ev-day ev-day--outside"><span class="visually-hidden">not in range</span></td>
                  : (
                    <td key={d.date} class={d.afterHours > 0 ? 'ev-day ev-day--after' : d.work > 0 ? 'ev-day ev-day--work' : 'ev-day'} data-date={d.date}>
                      <span class="ev-work">{formatHours(d.work)}</span>
                      {d.afterHours > 0 && (
                        <span class="ev-after">
                          <span aria-hidden="true">▲ </span>
                          <span class="visually-hidden">after hours </span>
                          {formatHours(d.afterHours)}
                        </span>
                      )}
                    </td>
                  )))}
                <td class="ev-week-total">{formatHours(w.work)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="ev-legend">Each day shows its work time; <span aria-hidden="true">▲</span> marks the time after your work hours.</p>
      <LineChart
        label={`Work and after-hours minutes per day, ${formatDay(from)} to ${formatDay(to)}`}
        x={x}
        series={series}
        yMin={0}
        yMax={top}
        yFormat={(v) => formatHours(v)}
        class="ev-chart"
      />
    </section>
  );
}

export function EvidencePage({ api, me }: { api: ApiClient; me: Me }) {
  const today = useMemo(() => todayIn(me.timezone), [me.timezone]);
  const { from, to } = useMemo(() => signalRange(today), [today]);
  const sources = useLoad(() => listSources(api), [api], { keep: true });
  const signals = useLoad(() => loadSignals(api, from, to), [api, from, to], { keep: true });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  const onImported = (r: ImportResult) => {
    setResult(r);
    setAnnounce(`Imported “${r.source.name}”.`);
    sources.reload();
    signals.reload();
    setTimeout(() => document.getElementById('ev-summary-title')?.focus(), 0);
  };

  const onRemove = async (s: Source): Promise<string | null> => {
    try {
      await removeSource(api, s);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) {
        return err instanceof ApiError ? sentence(err.message) : 'Removing failed. Please try again.';
      }
    }
    sources.set((list) => (list ? list.filter((x) => !(x.kind === s.kind && x.name === s.name)) : list));
    if (result?.source.name === s.name && result.source.kind === s.kind) setResult(null);
    setAnnounce(`Removed “${s.name}”.`);
    signals.reload();
    listHeading.current?.focus();
    return null;
  };

  const list = sources.data;
  return (
    <>
      <div class="page-title">
        <PageHeading>Calendar and activity</PageHeading>
        <p class="page-date">Evidence from your calendar and time trackers</p>
      </div>
      <p class="ev-status-line" role="status">{announce}</p>
      <div class="columns ev-columns">
        <div class="column">
          <section class="card">
            <UploadForm api={api} onImported={onImported} />
          </section>
          {result && <ImportSummary result={result} />}
          <section class="card ev-sources" aria-labelledby="ev-sources-title">
            <h2 id="ev-sources-title" ref={listHeading} tabIndex={-1}>Your sources</h2>
            {sources.failed && <StatusNote kind="error" onRetry={sources.retry}>Your sources could not load.</StatusNote>}
            {!sources.failed && list === null && <StatusNote kind="loading">Loading your sources…</StatusNote>}
            {list && list.length === 0 && (
              <StatusNote kind="empty">
                Nothing imported yet. Importing a calendar or an activity export lets Headway see when you worked and
                met, so boundary checks and these weeks use real evidence beside your check-ins. Only times are kept:
                titles, application names and tags stay out unless you ask to keep them.
              </StatusNote>
            )}
            {list && list.length > 0 && (
              <ul class="ev-source-list">
                {list.map((s) => <SourceItem key={`${s.kind}/${s.name}`} source={s} onRemove={onRemove} />)}
              </ul>
            )}
          </section>
        </div>
        <div class="column">
          {signals.failed && <StatusNote kind="error" onRetry={signals.retry}>The last four weeks could not load.</StatusNote>}
          {!signals.failed && signals.data === null && <StatusNote kind="loading">Loading the last four weeks…</StatusNote>}
          {signals.data && <SignalsSection signals={signals.data} from={from} to={to} />}
        </div>
      </div>
    </>
  );
}

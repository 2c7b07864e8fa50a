// Assessments: the instruments to take, each with its latest result, its history and a support pointer.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import type { Me } from '../../types';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { type Instrument, loadInstruments } from './data';
import { InstrumentSection } from './InstrumentSection';
import './assessments.css';

export function AssessmentsPage({ api }: { api: ApiClient; me: Me }) {
  const [instruments, setInstruments] = useState<Instrument[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);

  useEffect(() => {
    setFailed(false);
    loadInstruments(api).then(
      (list) => mounted.current && setInstruments(list),
      (err) => mounted.current && !(err instanceof ApiError && err.status === 401) && setFailed(true),
    );
  }, [api, attempt]);

  return (
    <>
      <div class="page-title">
        <PageHeading>Assessments</PageHeading>
      </div>
      <p class="section-intro assess-intro">
        Short questionnaires to notice how things change over time. They are reflection aids, not a diagnosis.
      </p>
      {failed ? (
        <StatusNote kind="error" onRetry={() => setAttempt((n) => n + 1)}>The assessments could not be loaded.</StatusNote>
      ) : instruments === null ? (
        <StatusNote kind="loading">Loading the assessments…</StatusNote>
      ) : instruments.length === 0 ? (
        <StatusNote kind="empty">There are no assessments to take yet.</StatusNote>
      ) : (
        <div class="assess-grid">
          {instruments.map((i) => <InstrumentSection key={i.id} api={api} instrument={i} />)}
        </div>
      )}
    </>
  );
}

// Assessments: the instruments to take, each with its latest result, its history and a support pointer.
import type { ApiClient } from '../../api';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { loadInstruments } from './data';
import { InstrumentSection } from './InstrumentSection';
import './assessments.css';

export function AssessmentsPage({ api }: { api: ApiClient; me: Me }) {
  const { data: instruments, failed, retry } = useLoad(() => loadInstruments(api), [api]);

  return (
    <>
      <div class="page-title">
        <PageHeading>Assessments</PageHeading>
      </div>
      <p class="section-intro assess-intro">
        Short questionnaires to notice how things change over time. They are reflection aids, not a diagnosis.
      </p>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>The assessments could not be loaded.</StatusNote>
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

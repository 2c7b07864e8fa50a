// Insights: daily trends, patterns in the person's own data, and each goal's stages of change.
import { useMemo } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { todayIn } from '../../dates';
import type { Me } from '../../types';
import { PageHeading } from '../PageHeading';
import { CorrelationsSection } from './CorrelationsSection';
import { StagesSection } from './StagesSection';
import { TrendsSection } from './TrendsSection';
import './insights.css';

export function InsightsPage({ api, me }: { api: ApiClient; me: Me }) {
  const today = useMemo(() => todayIn(me.timezone), [me.timezone]);
  return (
    <>
      <div class="page-title">
        <PageHeading>Insights</PageHeading>
      </div>
      <div class="insights-grid">
        <TrendsSection api={api} today={today} />
        <CorrelationsSection api={api} />
        <StagesSection api={api} today={today} />
      </div>
    </>
  );
}

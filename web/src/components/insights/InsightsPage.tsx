// Insights: daily trends, the work pattern from imported evidence, patterns in the person's own
// data, and each goal's stages of change.
import { useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { todayIn } from '../../dates';
import type { Me } from '../../types';
import { PageHeading } from '../PageHeading';
import { SupportGapsCard } from '../support/SupportGapsCard';
import { CorrelationsSection } from './CorrelationsSection';
import { DEFAULT_RANGE, type RangeWeeks } from './series';
import { StagesSection } from './StagesSection';
import { TrendsSection } from './TrendsSection';
import { WorkPatternSection } from './WorkPatternSection';
import './insights.css';

export function InsightsPage({ api, me }: { api: ApiClient; me: Me }) {
  const today = useMemo(() => todayIn(me.timezone), [me.timezone]);
  const [weeks, setWeeks] = useState<RangeWeeks>(DEFAULT_RANGE);
  return (
    <>
      <div class="page-title">
        <PageHeading>Insights</PageHeading>
      </div>
      <div class="insights-grid">
        <TrendsSection api={api} today={today} weeks={weeks} onWeeks={setWeeks} />
        <WorkPatternSection api={api} today={today} weeks={weeks} />
        <CorrelationsSection api={api} />
        <StagesSection api={api} today={today} />
        <SupportGapsCard api={api} />
      </div>
    </>
  );
}

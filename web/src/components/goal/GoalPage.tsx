// One goal: its WOOP plan, stage of change, habit strength, the last four weeks, and archiving.
import { ApiError, type ApiClient } from '../../api';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { ArchiveSection } from './ArchiveSection';
import { CompletionsSection } from './CompletionsSection';
import { type GoalDetail, fetchGoal } from './data';
import { stageLabel } from './labels';
import { PlanSection } from './PlanSection';
import { StageSection } from './StageSection';
import { StrengthSection } from './StrengthSection';
import './goal.css';

type Phase = { kind: 'loading' } | { kind: 'not-found' } | { kind: 'error' } | { kind: 'ready'; goal: GoalDetail };

export function GoalPage({ api, me, id }: { api: ApiClient; me: Me; id: number }) {
  const { data, failed, retry, set } = useLoad(
    () => fetchGoal(api, id).catch((err): 'not-found' => {
      if (err instanceof ApiError && err.status === 404) return 'not-found';
      throw err;
    }),
    [api, id],
  );
  const phase: Phase = failed ? { kind: 'error' }
    : data === null ? { kind: 'loading' }
    : data === 'not-found' ? { kind: 'not-found' }
    : { kind: 'ready', goal: data };

  const onChange = (goal: GoalDetail) => set(goal);

  const heading = phase.kind === 'ready' ? phase.goal.title : phase.kind === 'not-found' ? 'Goal not found' : 'Goal';

  return (
    <>
      <p class="goal-back">
        <Link href="/goals">← All goals</Link>
      </p>
      <div class="page-title goal-page-title">
        <PageHeading>{heading}</PageHeading>
        {phase.kind === 'ready' && (
          <p class="goal-page-meta">
            <span class="pill pill--accent goal-chip">{stageLabel(phase.goal.stage)}</span>
            <span class="pill pill--accent goal-chip">{phase.goal.frequency}</span>
            {phase.goal.archived && <span class="pill pill--unknown goal-chip">Archived</span>}
          </p>
        )}
      </div>
      {phase.kind === 'loading' && <StatusNote kind="loading">Loading this goal…</StatusNote>}
      {phase.kind === 'error' && (
        <StatusNote kind="error" onRetry={retry}>This goal could not be loaded.</StatusNote>
      )}
      {phase.kind === 'not-found' && (
        <section class="card goal-not-found" aria-labelledby="goal-not-found-title">
          <h2 id="goal-not-found-title">There is no goal here</h2>
          <p>This link does not lead to one of your goals. Check the address, or pick a goal from your list.</p>
          <p>
            <Link href="/goals">Back to your goals</Link>
          </p>
        </section>
      )}
      {phase.kind === 'ready' && (
        <div class="columns columns--main-side goal-detail" key={phase.goal.id}>
          {phase.goal.archived && (
            <p class="notice goal-archived-note">
              This goal is archived. It no longer shows in your list, and its history is kept in your export.
            </p>
          )}
          <div class="column">
            <PlanSection goal={phase.goal} />
            <StrengthSection goal={phase.goal} />
            <CompletionsSection api={api} goal={phase.goal} timezone={me.timezone} onChange={onChange} />
          </div>
          <div class="column">
            <StageSection api={api} goal={phase.goal} onChange={onChange} />
            {!phase.goal.archived && <ArchiveSection api={api} goal={phase.goal} />}
          </div>
        </div>
      )}
    </>
  );
}

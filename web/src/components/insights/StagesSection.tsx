// Each goal's stage-of-change history.
import type { ApiClient } from '../../api';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { StatusNote } from '../StatusNote';
import { loadGoals } from './data';
import { StageTimeline } from './StageTimeline';

export function StagesSection({ api, today }: { api: ApiClient; today: string }) {
  const { data: goals, failed, retry } = useLoad(() => loadGoals(api), [api]);

  return (
    <section class="card insights-section" aria-labelledby="insights-stages-title">
      <h2 id="insights-stages-title">Stages of change</h2>
      <p class="section-intro">
        Where each goal has been, from thinking about it to keeping it up. A slip sends a goal back to getting ready,
        never to zero.
      </p>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>Your goals could not be loaded.</StatusNote>
      ) : goals === null ? (
        <StatusNote kind="loading">Loading your goals…</StatusNote>
      ) : goals.length === 0 ? (
        <StatusNote kind="empty">No goals yet. <Link href="/goals">Write your first goal</Link> to see its stages here.</StatusNote>
      ) : (
        <ul class="insights-goals">
          {goals.map((g) => <StageTimeline key={g.id} goal={g} today={today} />)}
        </ul>
      )}
    </section>
  );
}

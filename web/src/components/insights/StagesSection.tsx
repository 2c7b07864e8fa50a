// Each goal's stage-of-change history.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { Link } from '../Link';
import { StatusNote } from '../StatusNote';
import { type GoalWithStages, loadGoals } from './data';
import { StageTimeline } from './StageTimeline';

export function StagesSection({ api, today }: { api: ApiClient; today: string }) {
  const [goals, setGoals] = useState<GoalWithStages[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);

  useEffect(() => {
    setFailed(false);
    loadGoals(api).then(
      (list) => mounted.current && setGoals(list),
      (err) => mounted.current && !(err instanceof ApiError && err.status === 401) && setFailed(true),
    );
  }, [api, attempt]);

  return (
    <section class="card insights-section" aria-labelledby="insights-stages-title">
      <h2 id="insights-stages-title">Stages of change</h2>
      <p class="section-intro">
        Where each goal has been, from thinking about it to keeping it up. A slip sends a goal back to getting ready,
        never to zero.
      </p>
      {failed ? (
        <StatusNote kind="error" onRetry={() => setAttempt((n) => n + 1)}>Your goals could not be loaded.</StatusNote>
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

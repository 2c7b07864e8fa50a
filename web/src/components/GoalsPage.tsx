// Goals: each with its stage and habit strength, and a WOOP form to write a new one.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import type { GoalView } from '../types';
import { GoalCreateForm } from './GoalCreateForm';
import { GoalList } from './GoalList';
import { PageHeading } from './PageHeading';
import { StatusNote } from './StatusNote';

export function GoalsPage({ api }: { api: ApiClient }) {
  const [goals, setGoals] = useState<GoalView[] | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const mounted = useRef(true);

  useEffect(() => () => { mounted.current = false; }, []);

  useEffect(() => {
    setLoadError(false);
    api.goals().then(
      (list) => mounted.current && setGoals(list),
      (err) => mounted.current && !(err instanceof ApiError && err.status === 401) && setLoadError(true),
    );
  }, [api, attempt]);

  return (
    <>
      <div class="page-title">
        <PageHeading>Goals</PageHeading>
      </div>
      <div class="goals-grid">
        <section class="card" aria-labelledby="goals-list-title">
          <h2 id="goals-list-title">Your goals</h2>
          {loadError ? (
            <StatusNote kind="error" onRetry={() => setAttempt((n) => n + 1)}>Your goals could not be loaded.</StatusNote>
          ) : goals === null ? (
            <StatusNote kind="loading">Loading your goals…</StatusNote>
          ) : goals.length === 0 ? (
            <StatusNote kind="empty">You have no goals yet. Write one with the form.</StatusNote>
          ) : (
            <GoalList goals={goals} />
          )}
        </section>
        <GoalCreateForm api={api} onCreated={(g) => setGoals((list) => [...(list ?? []), g])} />
      </div>
    </>
  );
}

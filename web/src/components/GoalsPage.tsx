// Goals: each with its stage and habit strength, and a WOOP form to write a new one.
import type { ApiClient } from '../api';
import { useLoad } from '../use-load';
import { GoalCreateForm } from './GoalCreateForm';
import { GoalList } from './GoalList';
import { PageHeading } from './PageHeading';
import { StatusNote } from './StatusNote';

export function GoalsPage({ api }: { api: ApiClient }) {
  const { data: goals, failed, retry, set: setGoals } = useLoad(() => api.goals(), [api]);

  return (
    <>
      <div class="page-title">
        <PageHeading>Goals</PageHeading>
      </div>
      <div class="columns">
        <section class="card" aria-labelledby="goals-list-title">
          <h2 id="goals-list-title">Your goals</h2>
          {failed ? (
            <StatusNote kind="error" onRetry={retry}>Your goals could not be loaded.</StatusNote>
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

// Conversation plans: the ones you have, and a form to prepare a new one (seeded from a goal).
import type { ApiClient } from '../../api';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { StatusNote } from '../StatusNote';
import { fetchPlans } from './data';
import { changedLabel, commentCountText } from './logic';
import { PlanStartForm } from './PlanStartForm';

export function PlansSection({ api, me }: { api: ApiClient; me: Me }) {
  const { data: plans, failed, retry } = useLoad(() => fetchPlans(api), [api]);

  return (
    <section class="card support-plans" aria-labelledby="support-plans-title">
      <h2 id="support-plans-title">Conversation plans</h2>
      <p class="section-intro">
        Prepare a boundary conversation with your manager: what you need, what you propose, and answers to the objections
        you expect. Headway starts a draft from your goal, your boundaries and the last four weeks.
      </p>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>Your conversation plans could not be loaded.</StatusNote>
      ) : plans === null ? (
        <StatusNote kind="loading">Loading your conversation plans…</StatusNote>
      ) : plans.length === 0 ? (
        <StatusNote kind="empty">No plans yet. When a conversation is on your mind, start one below.</StatusNote>
      ) : (
        <ul class="support-plan-list">
          {plans.map((p) => (
            <li key={p.id} class="support-plan-item">
              <Link href={`/support/plans/${p.id}`} class="support-plan-link">{p.title}</Link>
              <p class="support-plan-meta">
                <time dateTime={p.updated_at}>{changedLabel(p.updated_at, me.timezone)}</time>
                {p.comments && <> · {commentCountText(p.comments.length)}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <PlanStartForm api={api} />
    </section>
  );
}

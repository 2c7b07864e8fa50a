// One conversation plan: the guided planner, its printable forms, coach comments, and deleting it.
// A plan that does not exist, or is someone else's, answers 404 and shows a way back.
import type { ApiClient } from '../../api';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { fetchPlan } from './data';
import { PlanComments } from './PlanComments';
import { PlanDelete } from './PlanDelete';
import { PlanEditor } from './PlanEditor';
import './support.css';

export function PlanPage({ api, me, id }: { api: ApiClient; me: Me; id: number }) {
  const { data, failed, retry, set } = useLoad(async () => ({ plan: await fetchPlan(api, id) }), [api, id]);
  const plan = data?.plan;

  return (
    <>
      <div class="page-title">
        <PageHeading>{plan === null ? 'Plan not found' : 'Conversation plan'}</PageHeading>
        <p class="page-date"><Link href="/support">Back to Support</Link></p>
      </div>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>This conversation plan could not be loaded.</StatusNote>
      ) : plan === undefined ? (
        <StatusNote kind="loading">Loading the plan…</StatusNote>
      ) : plan === null ? (
        <div class="card support-missing">
          <StatusNote kind="empty">There is no conversation plan here. It may have been deleted, or it belongs to someone else.</StatusNote>
          <p><Link href="/support">See your conversation plans on Support</Link></p>
        </div>
      ) : (
        <div class="support-plan-layout">
          <PlanEditor key={plan.id} api={api} plan={plan} onSaved={(p) => set({ plan: { ...p, comments: p.comments ?? plan.comments ?? [] } })} />
          <div class="support-plan-side">
            <PlanComments comments={plan.comments ?? []} timezone={me.timezone} />
            <PlanDelete api={api} plan={plan} />
          </div>
        </div>
      )}
    </>
  );
}

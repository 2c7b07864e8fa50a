// A circle's pledges, newest first, and a form to propose one.
import type { ApiClient } from '../../api';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { StatusNote } from '../StatusNote';
import { type Pledge, listPledges } from './data';
import { PledgeCard } from './PledgeCard';
import { PledgeForm } from './PledgeForm';

export function PledgesSection({ api, me, circleId }: { api: ApiClient; me: Me; circleId: number }) {
  const { data: pledges, failed, retry, set } = useLoad(() => listPledges(api, circleId), [api, circleId]);
  const replace = (p: Pledge) => set((list) => (list ?? []).map((x) => (x.id === p.id ? p : x)));

  return (
    <section class="card circles-pledges" aria-labelledby="circle-pledges-title">
      <h2 id="circle-pledges-title">Pledges</h2>
      <p class="section-intro">
        “I will do this if enough of us do too.” A pledge starts only when enough members sign before its deadline; until
        then nobody is bound, and only the number of signatures shows, never who signed.
      </p>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>The pledges could not be loaded.</StatusNote>
      ) : pledges === null ? (
        <StatusNote kind="loading">Loading pledges…</StatusNote>
      ) : pledges.length === 0 ? (
        <StatusNote kind="empty">No pledges yet. Propose the first one below.</StatusNote>
      ) : (
        <ul class="circles-pledge-list">
          {pledges.map((p) => <PledgeCard key={p.id} api={api} me={me} pledge={p} onChange={replace} />)}
        </ul>
      )}
      <PledgeForm api={api} me={me} circleId={circleId} onCreated={(p) => set((list) => [p, ...(list ?? [])])} />
    </section>
  );
}

// One of your wins: the win, the kudos people sent on it (from circles and partners), and the
// circles it is shared with, where sharing can stop or start.
import type { ApiClient } from '../../api';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { fetchWinView } from './data';
import { KudosList } from './KudosList';
import { withoutCircle } from './logic';
import { SharedWithSection } from './SharedWithSection';
import { WinSummary } from './WinSummary';
import './wins.css';

export function WinPage({ api, me, id }: { api: ApiClient; me: Me; id: number }) {
  const view = useLoad(() => fetchWinView(api, id), [api, id]);
  const data = view.data !== 'not-found' ? view.data : null;
  const heading = view.data === 'not-found' ? 'Win not found' : 'Your win';

  const stopped = (circleId: number) => {
    view.set((v) => (v && v !== 'not-found' ? { ...v, kudos: withoutCircle(v.kudos, circleId) } : v));
    view.reload();
  };

  return (
    <>
      <p class="wins-back">
        <Link href="/wins">← All wins</Link>
      </p>
      <div class="page-title">
        <PageHeading>{heading}</PageHeading>
      </div>
      {view.failed && <StatusNote kind="error" onRetry={view.retry}>This win could not be loaded.</StatusNote>}
      {!view.failed && view.data === null && <StatusNote kind="loading">Loading your win…</StatusNote>}
      {view.data === 'not-found' && (
        <section class="card wins-missing" aria-labelledby="wins-missing-title">
          <h2 id="wins-missing-title">Nothing to show here</h2>
          <p>This win does not exist, or it is not one of yours. It may have been deleted.</p>
          <p><Link href="/wins">Go to your wins journal</Link></p>
        </section>
      )}
      {data && (
        <div class="wins-detail" key={data.win.id}>
          <WinSummary api={api} win={data.win} />
          <div class="columns">
            <KudosList me={me} kudos={data.kudos.kudos} />
            <SharedWithSection api={api} winId={data.win.id} shared={data.kudos.shared_with}
              onStopped={stopped} onShared={view.reload} />
          </div>
        </div>
      )}
    </>
  );
}

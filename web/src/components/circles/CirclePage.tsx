// One circle, for its members: who is in it, inviting and leaving, its pledges, and its feed of wins.
import { ApiError, type ApiClient } from '../../api';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { CircleAbout } from './CircleAbout';
import { fetchCircle } from './data';
import { FeedSection } from './FeedSection';
import { PledgesSection } from './PledgesSection';
import './circles.css';

export function CirclePage({ api, me, id }: { api: ApiClient; me: Me; id: number }) {
  const { data, failed, retry } = useLoad(
    () => fetchCircle(api, id).catch((err): 'not-found' => {
      if (err instanceof ApiError && err.status === 404) return 'not-found';
      throw err;
    }),
    [api, id],
  );
  const circle = data !== null && data !== 'not-found' ? data : null;
  const heading = circle ? circle.name : data === 'not-found' ? 'Circle not found' : 'Circle';

  return (
    <>
      <p class="circles-back">
        <Link href="/circles">← All circles</Link>
      </p>
      <div class="page-title">
        <PageHeading>{heading}</PageHeading>
      </div>
      {failed && <StatusNote kind="error" onRetry={retry}>This circle could not be loaded.</StatusNote>}
      {!failed && data === null && <StatusNote kind="loading">Loading this circle…</StatusNote>}
      {data === 'not-found' && (
        <section class="card circles-missing" aria-labelledby="circle-missing-title">
          <h2 id="circle-missing-title">Nothing to show here</h2>
          <p>This circle does not exist or you are not a member. If someone invited you, ask them for an invite code and join with it.</p>
          <p><Link href="/circles">Back to your circles</Link></p>
        </section>
      )}
      {circle && (
        <div class="circles-detail" key={circle.id}>
          <CircleAbout api={api} me={me} circle={circle} />
          <div class="columns">
            <PledgesSection api={api} me={me} circleId={circle.id} />
            <FeedSection api={api} me={me} circleId={circle.id} />
          </div>
        </div>
      )}
    </>
  );
}

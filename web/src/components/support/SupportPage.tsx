// Support: where support is thin, the people on your side, and plans for a boundary conversation.
import type { ApiClient } from '../../api';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { fetchNetwork } from './data';
import { GapsList } from './GapsList';
import { NetworkSection } from './NetworkSection';
import { PlansSection } from './PlansSection';
import './support.css';

export function SupportPage({ api, me }: { api: ApiClient; me: Me }) {
  const network = useLoad(() => fetchNetwork(api), [api]);
  const n = network.data;

  return (
    <>
      <div class="page-title">
        <PageHeading>Support</PageHeading>
      </div>
      <p class="section-intro">
        Change is easier with people on your side. List who supports you and how, see where support is thin, and prepare
        the conversations that matter.
      </p>
      <div class="support-sections">
        <section class="card support-gaps" aria-labelledby="support-gaps-title">
          <h2 id="support-gaps-title">Where support is thin</h2>
          {network.failed ? (
            <StatusNote kind="error" onRetry={network.retry}>Your support network could not be loaded.</StatusNote>
          ) : n === null ? (
            <StatusNote kind="loading">Looking at your support network…</StatusNote>
          ) : (
            <GapsList network={n} />
          )}
        </section>
        <NetworkSection api={api} network={network} />
        <PlansSection api={api} me={me} />
      </div>
    </>
  );
}

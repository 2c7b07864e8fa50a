// A short "Support" card for Insights: where support is thin, with a way to the Support page.
import type { ApiClient } from '../../api';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { StatusNote } from '../StatusNote';
import { fetchNetwork } from './data';
import { GapsList } from './GapsList';
import './support.css';

export function SupportGapsCard({ api }: { api: ApiClient }) {
  const { data, failed, retry } = useLoad(() => fetchNetwork(api), [api]);
  return (
    <section class="card support-card" aria-labelledby="support-card-title">
      <h2 id="support-card-title">Support</h2>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>Your support network could not be loaded.</StatusNote>
      ) : data === null ? (
        <StatusNote kind="loading">Looking at your support network…</StatusNote>
      ) : (
        <GapsList network={data} />
      )}
      <p class="support-card-link"><Link href="/support">See and change your support network</Link></p>
    </section>
  );
}

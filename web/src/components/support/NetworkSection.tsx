// Your support network: the people you list, each editable and removable, and a form to add one.
import { useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import type { Loaded } from '../../use-load';
import { StatusNote } from '../StatusNote';
import { type SupportNetwork, addSupporter } from './data';
import { SupporterForm } from './SupporterForm';
import { SupporterItem } from './SupporterItem';

interface Props {
  api: ApiClient;
  network: Loaded<SupportNetwork>;
}

export function NetworkSection({ api, network }: Props) {
  const [announce, setAnnounce] = useState<string | null>(null);
  const people = network.data?.supporters ?? null;

  // After any change the gaps may differ: read the network again (the list stays shown meanwhile).
  const changed = (message: string) => {
    setAnnounce(message);
    network.reload();
  };

  return (
    <section class="card support-network" aria-labelledby="support-network-title">
      <h2 id="support-network-title" tabIndex={-1}>Your support network</h2>
      {network.failed ? (
        <StatusNote kind="error" onRetry={network.retry}>Your support network could not be loaded.</StatusNote>
      ) : people === null ? (
        <StatusNote kind="loading">Loading the people on your side…</StatusNote>
      ) : people.length === 0 ? (
        <StatusNote kind="empty">
          Nobody is listed yet. Think of one person who listens, or who helps with the practical side, and add them below.
        </StatusNote>
      ) : (
        <ul class="support-people">
          {people.map((s) => (
            <SupporterItem key={s.id} api={api} supporter={s} onChanged={changed} />
          ))}
        </ul>
      )}
      <p class="form-status" role="status">{announce}</p>
      <SupporterForm
        idPrefix="supporter-new"
        heading="Add a person"
        submitLabel="Add this person"
        emailHint="If they use Headway, their account e-mail links them. Optional."
        onSubmit={async (body) => {
          const s = await addSupporter(api, body);
          changed(`${s.name} is now in your support network.`);
        }}
      />
    </section>
  );
}

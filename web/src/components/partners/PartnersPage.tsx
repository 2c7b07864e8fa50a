// Partners and coaches: who can see your progress (and inviting them), who looked at what, and what
// other people share with you. /partners?accept=CODE offers to accept an invite link.
import { useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { navigate } from '../../router';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { AcceptInvite } from './AcceptInvite';
import { AccessLog } from './AccessLog';
import { type Grant, fetchAccessLog, fetchGrants, fetchSharedWithMe } from './data';
import { GrantList } from './GrantList';
import { InviteForm } from './InviteForm';
import { InviteLink } from './InviteLink';
import { acceptCode } from './labels';
import { SharedWithYou } from './SharedWithYou';
import './partners.css';

export function PartnersPage({ api, me }: { api: ApiClient; me: Me }) {
  const grants = useLoad(() => fetchGrants(api), [api]);
  const log = useLoad(() => fetchAccessLog(api), [api]);
  const shared = useLoad(() => fetchSharedWithMe(api), [api]);
  const [code, setCode] = useState<string | null>(() => acceptCode(location.search));
  const [newLink, setNewLink] = useState<string | null>(null);
  const tz = me.timezone;

  const onCreated = (grant: Grant) => {
    const { code: secret, ...rest } = grant;
    grants.set((list) => [rest, ...(list ?? []).filter((g) => g.id !== grant.id)]);
    setNewLink(secret ?? null);
  };

  const onRevoked = (id: number) => {
    grants.reload();
    grants.set((list) => (list ?? []).map((g) => (g.id === id ? { ...g, status: 'revoked', revoked_at: new Date().toISOString() } : g)));
  };

  const dismissInvite = () => {
    setCode(null);
    navigate('/partners', { replace: true });
  };

  return (
    <>
      <div class="page-title">
        <PageHeading>Partners and coaches</PageHeading>
      </div>
      <p class="section-intro">
        An accountability partner or a coach can follow the parts of your progress you choose, read-only, and cheer
        your wins. You decide what, and for how long, and you can end it at any time.
      </p>
      {code && <AcceptInvite api={api} code={code} onAccepted={() => { shared.reload(); history.replaceState(null, '', '/partners'); }} onDismiss={dismissInvite} />}
      <div class="partners-sections">
        <section class="card" aria-labelledby="partners-grants-title">
          <h2 id="partners-grants-title">People who can see your progress</h2>
          {grants.failed ? (
            <StatusNote kind="error" onRetry={grants.retry}>The people you share with could not be loaded.</StatusNote>
          ) : grants.data === null ? (
            <StatusNote kind="loading">Loading who can see your progress…</StatusNote>
          ) : grants.data.length === 0 ? (
            <StatusNote kind="empty">Nobody can see your progress yet. Invite someone below when you are ready.</StatusNote>
          ) : (
            <GrantList api={api} grants={grants.data} timezone={tz} onRevoked={onRevoked} />
          )}
          {newLink && <InviteLink code={newLink} onDone={() => setNewLink(null)} />}
          <InviteForm api={api} timezone={tz} onCreated={onCreated} />
        </section>
        <section class="card" aria-labelledby="partners-log-title">
          <h2 id="partners-log-title">Who looked at what</h2>
          {log.failed ? (
            <StatusNote kind="error" onRetry={log.retry}>The access log could not be loaded.</StatusNote>
          ) : log.data === null ? (
            <StatusNote kind="loading">Loading the access log…</StatusNote>
          ) : log.data.length === 0 ? (
            <StatusNote kind="empty">Nobody has looked at anything you share yet. Every read will show here, and only you see it.</StatusNote>
          ) : (
            <AccessLog entries={log.data} timezone={tz} />
          )}
        </section>
        <section class="card" aria-labelledby="partners-shared-title">
          <h2 id="partners-shared-title">Shared with you</h2>
          {shared.failed ? (
            <StatusNote kind="error" onRetry={shared.retry}>What others share with you could not be loaded.</StatusNote>
          ) : shared.data === null ? (
            <StatusNote kind="loading">Loading what others share with you…</StatusNote>
          ) : shared.data.length === 0 ? (
            <StatusNote kind="empty">Nobody shares their progress with you at the moment.</StatusNote>
          ) : (
            <SharedWithYou grants={shared.data} timezone={tz} />
          )}
        </section>
      </div>
    </>
  );
}

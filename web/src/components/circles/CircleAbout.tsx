// A circle's purpose and members, the owner's invite codes, and leaving.
import type { ApiClient } from '../../api';
import type { Me } from '../../types';
import type { CircleDetail } from './data';
import { InviteSection } from './InviteSection';
import { LeaveSection } from './LeaveSection';
import { dayOf } from './logic';

export function CircleAbout({ api, me, circle }: { api: ApiClient; me: Me; circle: CircleDetail }) {
  return (
    <section class="card circles-about" aria-labelledby="circle-about-title">
      <h2 id="circle-about-title" class="visually-hidden">About this circle</h2>
      {circle.purpose ? <p class="circles-purpose">{circle.purpose}</p> : <p class="circles-purpose circles-muted">No purpose written yet.</p>}
      <h3 id="circle-members-title">{circle.members === 1 ? '1 member' : `${circle.members} members`}</h3>
      <ul class="circles-members" aria-labelledby="circle-members-title">
        {circle.member_list.map((m, i) => (
          <li key={`${i}-${m.name}`} class="circles-member">
            <span class="circles-member-name">{m.name}</span>
            {m.you && <span class="pill pill--accent">you</span>}
            {m.owner && <span class="pill pill--accent">owner</span>}
            <span class="circles-muted circles-member-since">since {dayOf(m.joined_at, me.timezone)}</span>
          </li>
        ))}
      </ul>
      <div class="circles-about-actions">
        {circle.owner && <InviteSection api={api} me={me} circleId={circle.id} />}
        <LeaveSection api={api} circle={circle} />
      </div>
    </section>
  );
}

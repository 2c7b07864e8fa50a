// The kudos on your win, newest first: the emoji, who sent it, their message, where it came from
// and when (in your time zone).
import type { Me } from '../../types';
import { StatusNote } from '../StatusNote';
import { Link } from '../Link';
import { formatInstant } from '../partners/labels';
import type { WinKudos } from './data';
import { emojiName, kudosSource, sortKudos } from './logic';

export function KudosList({ me, kudos }: { me: Me; kudos: readonly WinKudos[] }) {
  const shown = sortKudos(kudos);
  return (
    <section class="card wins-kudos" aria-labelledby="wins-kudos-title">
      <h2 id="wins-kudos-title">
        Kudos {shown.length > 0 && <span class="wins-muted wins-count">({shown.length})</span>}
      </h2>
      {shown.length === 0 ? (
        <StatusNote kind="empty">
          <>
            No kudos yet. Share it with a circle below, or with a partner on <Link href="/partners">Partners</Link>:
            the people you choose can cheer you on.
          </>
        </StatusNote>
      ) : (
        <ul class="wins-kudos-list">
          {shown.map((k) => {
            const name = emojiName(k.emoji);
            return (
              <li key={k.id} class="wins-kudos-item" data-kudos-id={k.id}>
                <span class="wins-kudos-emoji" role="img" aria-label={name ?? k.emoji}>{k.emoji}</span>
                <div class="wins-kudos-body">
                  <p class="wins-kudos-head">
                    <span class="wins-kudos-from">{k.from}</span>{' '}
                    <span class="wins-kudos-source">{kudosSource(k)}</span>
                  </p>
                  {k.message && <p class="wins-kudos-message">{k.message}</p>}
                  <p class="wins-muted wins-kudos-time">
                    <time dateTime={k.created_at}>{formatInstant(k.created_at, me.timezone)}</time>
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

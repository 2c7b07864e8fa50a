// Coach comments on a plan, read-only; or how a coach can comment.
import { Link } from '../Link';
import { StatusNote } from '../StatusNote';
import type { PlanComment } from './data';
import { formatInstant } from '../partners/labels';

export function PlanComments({ comments, timezone }: { comments: PlanComment[]; timezone: string }) {
  return (
    <section class="card support-comments" aria-labelledby="plan-comments-title">
      <h2 id="plan-comments-title">Coach comments</h2>
      {comments.length === 0 ? (
        <StatusNote kind="empty">
          <span>
            No comments yet. A coach you share conversation plans with can read this plan and comment; share it on{' '}
            <Link href="/partners">Partners</Link> with the “Conversation plans” scope.
          </span>
        </StatusNote>
      ) : (
        <ul class="support-comment-list">
          {comments.map((c) => (
            <li key={c.id} class="support-comment">
              <p class="support-comment-text">{c.text}</p>
              <p class="support-comment-meta">
                {c.author}, <time dateTime={c.created_at}>{formatInstant(c.created_at, timezone)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

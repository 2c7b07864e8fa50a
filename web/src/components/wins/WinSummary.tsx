// The win itself: its words (as text), its size, its day and the goal it belongs to, if any.
import type { ApiClient } from '../../api';
import { formatDay } from '../../dates';
import type { Win } from '../../types';
import { useLoad } from '../../use-load';
import { sizeLabel } from '../circles/logic';
import { Link } from '../Link';
import { fetchGoalTitle } from './data';

function GoalLine({ api, goalId }: { api: ApiClient; goalId: number }) {
  // The id alone is enough when the title cannot be read (e.g. the goal was deleted).
  const { data: title, failed } = useLoad(() => fetchGoalTitle(api, goalId), [api, goalId]);
  const words = title ?? (failed ? `Goal ${goalId}` : 'Loading the goal…');
  return (
    <p class="wins-goal">
      For your goal: <Link href={`/goals/${goalId}`}>{words}</Link>
    </p>
  );
}

export function WinSummary({ api, win }: { api: ApiClient; win: Win }) {
  return (
    <section class="card wins-summary" aria-labelledby="wins-summary-title">
      <h2 id="wins-summary-title" class="visually-hidden">The win</h2>
      <p class="wins-meta">
        <span class={`win-size win-size--${win.size}`}>{sizeLabel(win.size)}</span>
        <time dateTime={win.date} class="wins-muted">{formatDay(win.date)}</time>
      </p>
      <p class="wins-text">{win.text}</p>
      {win.goal_id !== null && <GoalLine api={api} goalId={win.goal_id} />}
    </section>
  );
}

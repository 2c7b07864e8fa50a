// One goal's stages of change along a timeline: a proportional bar, and the entries in words.
import { formatDay } from '../../dates';
import type { GoalWithStages } from './data';
import { STAGE_NAMES, stageSpans } from './stages';

const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function short(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return shortDate.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

export function StageTimeline({ goal, today }: { goal: GoalWithStages; today: string }) {
  const spans = stageSpans(goal.stage_history ?? [], today);
  const id = `insights-goal-${goal.id}`;
  return (
    <li class="insights-goal" data-goal={goal.id}>
      <h3 id={`${id}-title`} class="insights-goal-title">
        {goal.title}
        {goal.archived && <span class="insights-goal-archived"> (archived)</span>}
      </h3>
      {spans.length === 0 ? (
        <p class="field-hint">Not staged yet.</p>
      ) : (
        <>
          <div class="insights-stagebar" aria-hidden="true">
            {spans.map((s) => (
              <span
                key={s.entry.id}
                class={`insights-stagebar-span insights-stage--${s.entry.stage}${s.recycled ? ' insights-stagebar-span--recycled' : ''}`}
                style={{ flexGrow: s.share }}
              />
            ))}
          </div>
          <ol class="insights-stages" aria-labelledby={`${id}-title`}>
            {spans.map((s) => (
              <li
                key={s.entry.id}
                class={s.recycled ? 'insights-stage insights-stage--recycled' : 'insights-stage'}
                data-stage={s.entry.stage}
                data-date={s.entry.date}
                data-reason={s.entry.reason}
              >
                <time dateTime={s.entry.date} title={formatDay(s.entry.date)}>{short(s.entry.date)}</time>
                <span class="insights-stage-name">
                  <span class={`insights-stage-dot insights-stage--${s.entry.stage}`} aria-hidden="true" />
                  {STAGE_NAMES[s.entry.stage] ?? s.entry.stage}
                </span>
                {s.recycled && (
                  <span class="insights-stage-recycled">
                    Recycled: back to getting ready after a slip, not back to zero{s.entry.note ? ` (${s.entry.note})` : ''}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </li>
  );
}

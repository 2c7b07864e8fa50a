// The last 28 days: a tick for a day the person marked done, a diamond for a kept boundary.
import { formatDay } from '../../dates';
import type { GridDay } from './grid';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function describe(day: GridDay): string {
  const state = day.source === 'manual'
    ? 'done, marked by you'
    : day.source === 'boundary'
      ? 'done, the linked boundary was kept'
      : 'not done';
  return `${formatDay(day.date)}${day.today ? ' (today)' : ''}: ${state}`;
}

export function CompletionGrid({ weeks }: { weeks: GridDay[][] }) {
  return (
    <>
      <ol class="goal-grid" aria-label="The last 28 days, oldest first">
        {weeks.flat().map((day) => (
          <li
            key={day.date}
            class={`goal-day goal-day--${day.source ?? 'none'}${day.today ? ' goal-day--today' : ''}`}
            data-date={day.date}
          >
            <span class="goal-day-name" aria-hidden="true">{WEEKDAYS[day.weekday]}</span>
            <span class="goal-day-number" aria-hidden="true">{day.dayOfMonth}</span>
            <span class="goal-day-mark" aria-hidden="true">
              {day.source === 'manual' ? '✓' : day.source === 'boundary' ? '◆' : ''}
            </span>
            <span class="visually-hidden">{describe(day)}</span>
          </li>
        ))}
      </ol>
      <ul class="goal-legend">
        <li><span class="goal-legend-mark goal-day--manual" aria-hidden="true">✓</span> Done, marked by you</li>
        <li><span class="goal-legend-mark goal-day--boundary" aria-hidden="true">◆</span> Done: the linked boundary was kept</li>
        <li><span class="goal-legend-mark goal-day--none" aria-hidden="true" /> Not done</li>
      </ul>
    </>
  );
}

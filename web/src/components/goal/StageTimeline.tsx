// How the goal moved between stages, oldest first; a recycled step is explained without blame.
import { formatDay } from '../../dates';
import type { StageEntry } from './data';
import { answerLabel, stageLabel } from './labels';

export function StageTimeline({ history }: { history: StageEntry[] }) {
  if (history.length === 0) {
    return <p class="goal-muted">No stage recorded yet. Answer the question above to place this goal.</p>;
  }
  return (
    <ol class="goal-timeline" aria-label="Stage history, oldest first">
      {history.map((entry) => (
        <li key={entry.id} class={`goal-timeline-entry goal-timeline-entry--${entry.reason}`}>
          <p class="goal-timeline-head">
            <time class="goal-timeline-date" dateTime={entry.date}>{formatDay(entry.date)}</time>
            <span class="goal-timeline-stage">{stageLabel(entry.stage)}</span>
          </p>
          {entry.reason === 'recycled' ? (
            <p class="goal-timeline-text">
              A slip brought it back to getting ready. Slips are part of change: most people go round
              more than once, and what you learned comes with you.
            </p>
          ) : (
            <p class="goal-timeline-text">You answered: {answerLabel(entry.answer) ?? 'no answer'}.</p>
          )}
          {entry.note.trim() && <p class="goal-timeline-note">Note: {entry.note}</p>}
        </li>
      ))}
    </ol>
  );
}

// The selected day across every boundary: its status in words and the evidence behind it.
import { formatDay } from '../../dates';
import { addDays } from './days';
import { type CellStatus, STATUS_WORDS, cellFor } from './heatmap';
import type { Evaluation } from '../../types';
import { type BoundaryItem, boundaryTitle } from './data';

interface Props {
  date: string;
  from: string;
  to: string;
  boundaries: BoundaryItem[];
  days: Map<number, Map<string, Evaluation>>;
  onSelect: (date: string) => void;
}

export function DayEvidence({ date, from, to, boundaries, days, onSelect }: Props) {
  return (
    <section class="card bnd-day" aria-labelledby="bnd-day-title">
      <p class="bnd-day-kicker">Evidence for</p>
      <h2 id="bnd-day-title" class="bnd-day-title">
        <time dateTime={date}>{formatDay(date)}</time>
      </h2>
      <div class="bnd-day-nav">
        <button type="button" class="button button--quiet" disabled={date <= from} onClick={() => onSelect(addDays(date, -1))}>
          <span aria-hidden="true">‹ </span>Previous day
        </button>
        <button type="button" class="button button--quiet" disabled={date >= to} onClick={() => onSelect(addDays(date, 1))}>
          Next day<span aria-hidden="true"> ›</span>
        </button>
      </div>
      <p class="field-hint">Pick a day in any of the grids; the arrow keys move between days.</p>
      <ul class="bnd-day-list">
        {boundaries.map((b) => {
          const cell = cellFor(date, days.get(b.id)?.get(date));
          return (
            <li key={b.id} class="bnd-day-item" data-boundary={b.id}>
              <div class="bnd-day-head">
                <span class="bnd-day-name">{boundaryTitle(b)}</span>
                <StatusBadge status={cell.status} />
              </div>
              <p class="bnd-day-evidence">{cell.evidence || 'This boundary does not cover this day.'}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function StatusBadge({ status }: { status: CellStatus }) {
  return <span class={`pill pill--${status} bnd-status`}>{STATUS_WORDS[status]}</span>;
}

// Twelve weeks of one boundary as a grid of days: weeks are columns, Monday to Sunday rows. Each
// day is a button named with its status and evidence; arrow keys move between days (one Tab stop).
import { useRef } from 'preact/hooks';
import { dayMonth, weekdayName } from './days';
import { type Heatmap, STATUS_SYMBOLS, moveDay } from './heatmap';

interface Props {
  heatmap: Heatmap;
  name: string;
  from: string;
  to: string;
  selected: string;
  onSelect: (date: string) => void;
}

const ROWS = [0, 1, 2, 3, 4, 5, 6] as const;

export function BoundaryHeatmap({ heatmap, name, from, to, selected, onSelect }: Props) {
  const table = useRef<HTMLTableElement>(null);
  // The one cell in the Tab order: the selected day, else the last day shown.
  const focusDate = selected >= from && selected <= to ? selected : to;

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    const date = target?.dataset?.['date'];
    if (!date) return;
    const next = moveDay(date, e.key, from, to, e.ctrlKey || e.metaKey);
    if (next === null) return;
    e.preventDefault();
    onSelect(next);
    table.current?.querySelector<HTMLButtonElement>(`button[data-date="${next}"]`)?.focus();
  };

  return (
    <div class="bnd-heatmap-wrap">
      <table ref={table} class="bnd-heatmap" role="grid" aria-label={`Last ${heatmap.weeks.length} weeks: ${name}`} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            <td class="bnd-heatmap-corner" />
            {heatmap.weeks.map((w) => (
              <th key={w.monday} scope="col" class="bnd-heatmap-week">
                <span aria-hidden="true">{w.month}</span>
                <span class="visually-hidden">Week of {dayMonth(w.monday)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row}>
              <th scope="row" class="bnd-heatmap-day">{weekdayName(row)}</th>
              {heatmap.weeks.map((w) => {
                const cell = w.days[row];
                if (!cell) return <td key={w.monday} class="bnd-cell-none" />;
                const isSelected = cell.date === selected;
                return (
                  <td key={w.monday} aria-selected={isSelected ? 'true' : 'false'}>
                    <button
                      type="button"
                      class={`bnd-cell bnd-cell--${cell.status}${isSelected ? ' bnd-cell--selected' : ''}`}
                      data-date={cell.date}
                      data-status={cell.status}
                      tabIndex={cell.date === focusDate ? 0 : -1}
                      aria-label={cell.label}
                      onClick={() => onSelect(cell.date)}
                    >
                      <span aria-hidden="true">{STATUS_SYMBOLS[cell.status]}</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

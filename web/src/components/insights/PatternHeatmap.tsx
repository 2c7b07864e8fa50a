// The week heatmap of the work pattern: one row per week (oldest at the top), Monday to Sunday as
// columns. Each day is a button named with its value ("Tue 3 Nov: 45 min after hours"); arrow keys
// move between days (one Tab stop). Days nothing covers are hatched and say "no evidence". The
// short value a cell shows ("45m") is drawn from data-value by CSS, so the button's name is only
// its full label.
import { useRef } from 'preact/hooks';
import { dayMonth, weekdayName } from '../boundaries/days';
import { type HeatMetric, type PatternHeatmap as Heatmap, moveInWeeks, shadeLegend, shortValue } from './work-pattern';

interface Props {
  heatmap: Heatmap;
  metric: HeatMetric;
  from: string;
  to: string;
  selected: string;
  onSelect: (date: string) => void;
}

const COLUMNS = [0, 1, 2, 3, 4, 5, 6] as const;

export function PatternHeatmap({ heatmap, metric, from, to, selected, onSelect }: Props) {
  const table = useRef<HTMLTableElement>(null);
  const focusDate = selected >= from && selected <= to ? selected : to;

  const onKeyDown = (e: KeyboardEvent) => {
    const date = (e.target as HTMLElement | null)?.dataset?.['date'];
    if (!date) return;
    const next = moveInWeeks(date, e.key, from, to, e.ctrlKey || e.metaKey);
    if (next === null) return;
    e.preventDefault();
    onSelect(next);
    table.current?.querySelector<HTMLButtonElement>(`button[data-date="${next}"]`)?.focus();
  };

  return (
    <>
      <div class="insights-heat-wrap">
        <table ref={table} class="insights-heat" role="grid" aria-label={`${metric.label} by day, one row per week`}
          onKeyDown={onKeyDown} data-metric={metric.key}>
          <thead>
            <tr>
              <th scope="col" class="insights-heat-corner"><span class="visually-hidden">Week of</span></th>
              {COLUMNS.map((c) => <th key={c} scope="col" class="insights-heat-day">{weekdayName(c)}</th>)}
            </tr>
          </thead>
          <tbody>
            {heatmap.weeks.map((w) => (
              <tr key={w.monday} data-week={w.monday}>
                <th scope="row" class="insights-heat-week">{dayMonth(w.monday)}</th>
                {w.days.map((cell, i) => {
                  if (!cell) return <td key={i} class="insights-heat-none" />;
                  const isSelected = cell.date === selected;
                  const shade = cell.shade === null ? 'unknown' : String(cell.shade);
                  return (
                    <td key={i} aria-selected={isSelected ? 'true' : 'false'}>
                      <button
                        type="button"
                        class={`insights-heat-cell insights-heat-cell--${shade}${isSelected ? ' insights-heat-cell--selected' : ''}`}
                        data-date={cell.date}
                        data-shade={shade}
                        data-minutes={cell.minutes === null ? '' : String(cell.minutes)}
                        tabIndex={cell.date === focusDate ? 0 : -1}
                        data-value={shortValue(cell.minutes)}
                        aria-label={cell.label}
                        onClick={() => onSelect(cell.date)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="insights-heat-legend" aria-label={`Legend: ${metric.label.toLowerCase()} per day`}>
        {shadeLegend(metric).map((l) => (
          <li key={l.shade}>
            <span class={`insights-heat-swatch insights-heat-cell--${l.shade}`} aria-hidden="true" />
            {l.text}
          </li>
        ))}
        <li>
          <span class="insights-heat-swatch insights-heat-cell--unknown" aria-hidden="true">?</span>
          No evidence
        </li>
      </ul>
    </>
  );
}

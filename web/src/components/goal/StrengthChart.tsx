// The habit-strength line over the last 90 days, drawn by uPlot in the page's own colours.
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { type TrendPoint, strengthSeries, strengthSummary } from './chart-data';

const HEIGHT = 220;
const DARK = '(prefers-color-scheme: dark)';

// Re-renders when the colour scheme changes, so the chart can take the new colours.
function useDarkMode(): boolean {
  const [dark, setDark] = useState(() => typeof matchMedia === 'function' && matchMedia(DARK).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(DARK);
    const update = () => setDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return dark;
}

export function StrengthChart({ trend }: { trend: TrendPoint[] }) {
  const box = useRef<HTMLDivElement>(null);
  const dark = useDarkMode();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const css = getComputedStyle(el);
    const colour = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const line = colour('--accent', '#2f6f62');
    const soft = colour('--accent-soft', '#e3efeb');
    const muted = colour('--muted', '#4f5d62');
    const grid = colour('--border', '#d5d9d6');
    const font = `12px ${colour('--font', 'system-ui, sans-serif')}`;
    const axis = { stroke: muted, font, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const data = strengthSeries(trend);
    const chart = new uPlot(
      {
        width: Math.max(1, el.clientWidth),
        height: HEIGHT,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: [0, 100] } },
        axes: [
          { ...axis, space: 60 },
          { ...axis, size: 40, splits: () => [0, 25, 50, 75, 100] },
        ],
        series: [
          {},
          { label: 'Habit strength', stroke: line, width: 2, fill: soft, points: { show: false } },
        ],
      },
      data,
      el,
    );
    // What the chart really holds, for anyone (and the end-to-end test) checking it.
    el.dataset.points = String(chart.data[0]?.length ?? 0);

    let width = el.clientWidth;
    const resize = new ResizeObserver(() => {
      if (el.clientWidth !== width && el.clientWidth > 0) {
        width = el.clientWidth;
        chart.setSize({ width, height: HEIGHT });
      }
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [trend, dark]);

  return (
    <figure class="goal-chart">
      <div class="goal-chart-frame" role="img" aria-label={`Line chart of habit strength over ${trend.length} days, on a scale of 0 to 100`}>
        <div ref={box} class="goal-chart-plot" />
      </div>
      <figcaption class="goal-muted">{strengthSummary(trend)}</figcaption>
    </figure>
  );
}

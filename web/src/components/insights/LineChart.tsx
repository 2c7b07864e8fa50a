// A uPlot line chart of daily values: gaps where a value is null, theme colours from the CSS
// variables (redrawn when light/dark changes), and the width of its container (375 px phones too).
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type ChartColour = 'accent' | 'text' | 'danger' | 'kept';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  colour: ChartColour;
  dashed?: boolean;
}

// A shaded band of the y axis, e.g. an instrument's score band, with its name drawn inside.
export interface ChartBand {
  min: number;
  max: number;
  label: string;
}

interface Props {
  // The accessible name of the picture; the text alternative sits next to the chart.
  label: string;
  // Day starts, in seconds since the epoch (UTC).
  x: number[];
  series: ChartSeries[];
  yMin: number;
  yMax: number;
  yFormat?: (v: number) => string;
  ySplits?: number[];
  bands?: ChartBand[];
  // Room at both ends of the x axis, as a share of the span (a lone point gets two weeks each side).
  xPad?: number;
  height?: number;
  class?: string;
}

const dayTick = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const DARK = '(prefers-color-scheme: dark)';

// Re-renders when the colour scheme changes, so charts pick up the other palette.
function useColourScheme(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia(DARK) : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return undefined;
    const change = () => setDark(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return dark;
}

function palette() {
  const css = getComputedStyle(document.documentElement);
  const get = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    accent: get('--accent', '#2f6f62'),
    text: get('--text', '#1f2a2e'),
    danger: get('--danger', '#a3261b'),
    kept: get('--kept', '#23613a'),
    muted: get('--muted', '#4f5d62'),
    border: get('--border', '#d5d9d6'),
    surface: get('--surface', '#ffffff'),
    bandA: get('--unknown-soft', '#eceeee'),
    bandB: get('--accent-soft', '#e3efeb'),
    font: get('--font', 'system-ui, sans-serif'),
  };
}

export function LineChart(props: Props) {
  const host = useRef<HTMLDivElement>(null);
  const dark = useColourScheme();
  const height = props.height ?? 200;

  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const c = palette();
    const ratio = uPlot.pxRatio;
    const yFormat = props.yFormat ?? ((v: number) => String(v));
    const axisFont = `${12}px ${c.font}`;
    const bands = props.bands ?? [];

    const drawBands = (u: uPlot) => {
      if (!bands.length) return;
      const { ctx, bbox } = u;
      ctx.save();
      bands.forEach((b, i) => {
        const top = u.valToPos(b.max, 'y', true);
        const bottom = u.valToPos(b.min, 'y', true);
        ctx.fillStyle = i % 2 ? c.bandB : c.bandA;
        ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
        if (i > 0) {
          ctx.strokeStyle = c.muted;
          ctx.lineWidth = ratio;
          ctx.setLineDash([4 * ratio, 4 * ratio]);
          ctx.beginPath();
          ctx.moveTo(bbox.left, bottom);
          ctx.lineTo(bbox.left + bbox.width, bottom);
          ctx.stroke();
          ctx.setLineDash([]);
        }
      });
      ctx.restore();
    };

    // Band names go under the lines, so the scores are never hidden.
    const drawBandLabels = (u: uPlot) => {
      if (!bands.length) return;
      const { ctx, bbox } = u;
      ctx.save();
      ctx.font = `${11 * ratio}px ${c.font}`;
      ctx.textBaseline = 'top';
      ctx.textAlign = 'left';
      for (const b of bands) {
        const top = u.valToPos(b.max, 'y', true);
        const x = bbox.left + 4 * ratio;
        ctx.fillStyle = c.muted;
        ctx.fillText(b.label, x + 3 * ratio, top + 3 * ratio);
      }
      ctx.restore();
    };

    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      padding: [12, 12, 0, 0],
      scales: {
        x: {
          time: true,
          range: (_u, min, max) => {
            const pad = props.xPad ?? 0;
            if (min === max) return [min - 14 * 86_400, max + 14 * 86_400];
            return [min - (max - min) * pad, max + (max - min) * pad];
          },
        },
        y: { range: [props.yMin, props.yMax] },
      },
      axes: [
        {
          stroke: c.muted,
          font: axisFont,
          grid: { stroke: c.border, width: 1 },
          ticks: { stroke: c.border, width: 1 },
          values: (_u, splits) => splits.map((s) => dayTick.format(new Date(s * 1000))),
        },
        {
          stroke: c.muted,
          font: axisFont,
          size: 48,
          grid: { stroke: c.border, width: 1 },
          ticks: { stroke: c.border, width: 1 },
          ...(props.ySplits ? { splits: () => props.ySplits ?? [] } : {}),
          values: (_u, splits) => splits.map((s) => yFormat(s)),
        },
      ],
      series: [
        {},
        ...props.series.map((s) => ({
          label: s.label,
          stroke: c[s.colour],
          width: 2,
          spanGaps: false,
          ...(s.dashed ? { dash: [6, 4] } : {}),
          points: { show: true, size: 6, width: 2, stroke: c[s.colour], fill: c.surface },
        })),
      ],
      hooks: { drawClear: [drawBands, drawBandLabels] },
    };
    const data: uPlot.AlignedData = [props.x, ...props.series.map((s) => s.values)];
    const chart = new uPlot(opts, data, el);
    const observer = new ResizeObserver(() => {
      const width = Math.max(200, el.clientWidth);
      if (width !== chart.width) chart.setSize({ width, height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [props.x, props.series, props.yMin, props.yMax, props.bands, props.xPad, dark, height]);

  const first = props.series[0]?.values ?? [];
  return (
    <div
      ref={host}
      class={props.class ? `insights-chart-plot ${props.class}` : 'insights-chart-plot'}
      role="img"
      aria-label={props.label}
      data-points={props.x.length}
      data-gaps={first.filter((v) => v === null).length}
    />
  );
}

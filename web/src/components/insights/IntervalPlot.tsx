// A correlation's 95% interval on an axis from -1 to 1, with 0 marked; the words say the same.
import type { Insight } from './data';
import { PLOT, intervalGeometry, intervalLabel } from './interval';

export function IntervalPlot({ insight }: { insight: Insight }) {
  const g = intervalGeometry(insight);
  const y = PLOT.axisY;
  const label = (x: number, text: string) => (
    <text x={x} y={PLOT.height - 2} text-anchor="middle" class="insights-interval-tick">{text}</text>
  );
  return (
    <svg
      class="insights-interval"
      viewBox={`0 0 ${PLOT.width} ${PLOT.height}`}
      role="img"
      aria-label={intervalLabel(insight)}
      preserveAspectRatio="xMidYMid meet"
    >
      <line x1={g.minusOne} x2={g.plusOne} y1={y} y2={y} class="insights-interval-axis" />
      <line x1={g.minusOne} x2={g.minusOne} y1={y - 4} y2={y + 4} class="insights-interval-axis" />
      <line x1={g.plusOne} x2={g.plusOne} y1={y - 4} y2={y + 4} class="insights-interval-axis" />
      <line x1={g.zero} x2={g.zero} y1={4} y2={y + 6} class="insights-interval-zero" />
      {g.low !== null && g.high !== null && (
        <rect
          x={g.low}
          y={y - 5}
          width={Math.max(1.5, g.high - g.low)}
          height={10}
          rx={2}
          class="insights-interval-range"
        />
      )}
      {g.rho !== null && <circle cx={g.rho} cy={y} r={4} class="insights-interval-rho" />}
      {label(g.minusOne, '−1')}
      {label(g.zero, '0')}
      {label(g.plusOne, '1')}
    </svg>
  );
}

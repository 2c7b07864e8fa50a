// One daily trend: the chart, a sentence that sums it up, and the numbers as a table for anyone who
// cannot see the chart.
import { useMemo } from 'preact/hooks';
import { LineChart } from './LineChart';
import { CHECKIN_GAPS, type GapWords, type Metric, type RangeWeeks, axisTop, daySeconds, trendSummary } from './series';

interface Props {
  metric: Metric<string>;
  days: string[];
  values: (number | null)[];
  weeks: RangeWeeks;
  // What a day without data is; check-ins unless said otherwise.
  gaps?: GapWords;
  // The y axis's labels (default: the value, "h" for hours, "m" for minutes).
  yFormat?: (v: number) => string;
}

const shortDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

function dayLabel(date: string): string {
  return shortDay.format(new Date(daySeconds(date) * 1000));
}

export function TrendChart({ metric, days, values, weeks, gaps = CHECKIN_GAPS, yFormat }: Props) {
  const id = `insights-trend-${metric.key}`;
  const x = useMemo(() => days.map(daySeconds), [days]);
  const series = useMemo(() => [{ label: metric.title, values, colour: 'accent' as const }], [metric, values]);
  const top = axisTop(metric, values);
  const splits = metric.fixed ? [1, 2, 3, 4, 5] : undefined;
  return (
    <figure class="chart-figure insights-trend" aria-labelledby={`${id}-title`} data-metric={metric.key}>
      <figcaption>
        <h3 id={`${id}-title`} class="insights-trend-title">{metric.title}</h3>
      </figcaption>
      <LineChart
        label={`${metric.title} per day over the last ${weeks} weeks, ${metric.scale}. Breaks in the line are ${gaps.days}.`}
        x={x}
        series={series}
        yMin={metric.min}
        yMax={top}
        yFormat={yFormat ?? ((v) => (metric.key === 'hours' ? `${v} h` : metric.key === 'afterHours' ? `${v}m` : String(v)))}
        {...(splits ? { ySplits: splits } : {})}
      />
      <p id={`${id}-summary`} class="insights-trend-summary">{trendSummary(metric, values, weeks, gaps)}</p>
      <details class="chart-table insights-table">
        <summary>{metric.title}: the numbers by day</summary>
        <div class="insights-table-scroll" tabIndex={0} role="region" aria-label={`${metric.title} by day`}>
          <table>
            <caption>{metric.title} per day, {metric.scale}</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">{metric.title}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d, i) => {
                const v = values[i] ?? null;
                return (
                  <tr key={d} data-date={d}>
                    <th scope="row"><time dateTime={d}>{dayLabel(d)}</time></th>
                    <td>{v === null ? gaps.missing : metric.format(v)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

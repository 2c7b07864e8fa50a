// The work pattern from imported calendars and activity: daily trend charts and a week heatmap,
// over the range chosen under Trends. Days nothing covers are gaps, never zeros.
import { useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { SelectField } from '../SelectField';
import { StatusNote } from '../StatusNote';
import { countSources, loadSignals } from './data';
import { PatternHeatmap } from './PatternHeatmap';
import { type GapWords, RANGES, type RangeWeeks, rangeFor } from './series';
import { TrendChart } from './TrendChart';
import {
  DEFAULT_HEAT, HEAT_METRICS, type HeatKey, SIGNAL_METRICS, buildPatternHeatmap, dayDetail, heatMetric, heatmapSummary, signalSeries,
} from './work-pattern';

interface Props {
  api: ApiClient;
  today: string;
  weeks: RangeWeeks;
}

const EVIDENCE_GAPS: GapWords = {
  missing: 'No evidence', days: 'days no imported calendar or activity covers', have: 'have evidence', none: 'No evidence',
};

const axisLabel = (key: string) => (v: number) => (key === 'afterHoursMinutes' ? `${v}m` : `${v} h`);

export function WorkPatternSection({ api, today, weeks }: Props) {
  const longest = Math.max(...RANGES.map((r) => r.weeks)) as RangeWeeks;
  const { data, failed, retry } = useLoad(async () => {
    const { from, to } = rangeFor(today, longest);
    const [sources, signals] = await Promise.all([countSources(api), loadSignals(api, from, to)]);
    return { sources, signals };
  }, [api, today], { keep: true });
  const [heatKey, setHeatKey] = useState<HeatKey>(DEFAULT_HEAT);
  const [selected, setSelected] = useState(today);
  const { from, to } = rangeFor(today, weeks);
  const metric = heatMetric(heatKey);

  const series = useMemo(() => (data ? signalSeries(data.signals, from, to) : null), [data, from, to]);
  const heatmap = useMemo(() => (data ? buildPatternHeatmap(data.signals, from, to, metric) : null), [data, from, to, metric]);
  const byDay = useMemo(() => new Map((data?.signals ?? []).map((s) => [s.date, s])), [data]);
  const shownDay = selected >= from && selected <= to ? selected : to;

  return (
    <section class="card insights-section insights-work" aria-labelledby="insights-work-title">
      <div class="insights-section-head">
        <h2 id="insights-work-title">Work pattern</h2>
      </div>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>Your imported calendar and activity could not be loaded.</StatusNote>
      ) : !data || !series || !heatmap ? (
        <StatusNote kind="loading">Loading your calendar and activity…</StatusNote>
      ) : data.sources === 0 ? (
        <StatusNote kind="empty">
          Nothing imported yet. When you add a calendar or an activity tracker’s export on{' '}
          <Link href="/evidence">Calendar and activity</Link>, your work and after-hours time, meetings and focus show here,
          week by week.
        </StatusNote>
      ) : series.covered === 0 ? (
        <StatusNote kind="empty">
          Your imports do not cover the last {weeks} weeks. A newer export on <Link href="/evidence">Calendar and activity</Link>{' '}
          brings them up to date{weeks === 4 ? ', or choose 12 weeks above' : ''}.
        </StatusNote>
      ) : (
        <>
          <p class="section-intro">
            From your imported calendar and activity, over the last {weeks} weeks chosen under Trends.
            A break in a line is a day nothing imported covers, not a zero.
          </p>
          <div class="chart-grid">
            {SIGNAL_METRICS.map((m) => (
              <TrendChart key={m.key} metric={m} days={series.days} values={series[m.key]} weeks={weeks} gaps={EVIDENCE_GAPS}
                yFormat={axisLabel(m.key)} />
            ))}
          </div>
          <h3 id="insights-heat-title" class="insights-heat-title">Week by week</h3>
          <div class="insights-heat-controls">
            <SelectField id="insights-heat-metric" label="Shade the days by" value={heatKey}
              options={HEAT_METRICS.map((m) => ({ value: m.key, label: m.label }))}
              onChange={(v) => setHeatKey(heatMetric(v).key)} />
          </div>
          <PatternHeatmap heatmap={heatmap} metric={metric} from={from} to={to} selected={shownDay} onSelect={setSelected} />
          <p class="insights-heat-summary">{heatmapSummary(heatmap, metric)}</p>
          <p class="insights-heat-detail" aria-live="polite" data-date={shownDay}>{dayDetail(shownDay, byDay.get(shownDay))}</p>
        </>
      )}
    </section>
  );
}

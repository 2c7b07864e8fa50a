// Stress, energy, hours and after-hours work per day, over the last 4 or 12 weeks.
import { useMemo } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { StatusNote } from '../StatusNote';
import { loadCheckIns } from './data';
import { METRICS, RANGES, type RangeWeeks, rangeFor, trendSeries } from './series';
import { TrendChart } from './TrendChart';

interface Props {
  api: ApiClient;
  today: string;
  // The page's range (the work pattern follows it too), chosen here.
  weeks: RangeWeeks;
  onWeeks: (weeks: RangeWeeks) => void;
}

export function TrendsSection({ api, today, weeks, onWeeks: setWeeks }: Props) {
  // The longest range once; the shorter one is a slice of it.
  const longest = Math.max(...RANGES.map((r) => r.weeks)) as RangeWeeks;
  const { data: checkins, failed, retry } = useLoad(() => {
    const { from, to } = rangeFor(today, longest);
    return loadCheckIns(api, from, to);
  }, [api, today], { keep: true });

  const trends = useMemo(() => {
    if (!checkins) return null;
    const { from, to } = rangeFor(today, weeks);
    return trendSeries(checkins, from, to);
  }, [checkins, today, weeks]);

  return (
    <section class="card insights-section" aria-labelledby="insights-trends-title">
      <div class="insights-section-head">
        <h2 id="insights-trends-title">Trends</h2>
        <fieldset class="insights-range">
          <legend>Show the last</legend>
          <div class="insights-range-options">
            {RANGES.map((r) => (
              <span class="choice insights-range-option" key={r.weeks}>
                <input
                  id={`insights-range-${r.weeks}`}
                  type="radio"
                  name="insights-range"
                  value={String(r.weeks)}
                  checked={weeks === r.weeks}
                  onChange={() => setWeeks(r.weeks)}
                />
                <label for={`insights-range-${r.weeks}`}>{r.label}</label>
              </span>
            ))}
          </div>
        </fieldset>
      </div>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>Your check-ins could not be loaded.</StatusNote>
      ) : trends === null ? (
        <StatusNote kind="loading">Loading your check-ins…</StatusNote>
      ) : checkins?.length === 0 ? (
        <StatusNote kind="empty">
          No check-ins yet. Your trends start with your first check-in on <Link href="/">Today</Link>; a minute a day is enough.
        </StatusNote>
      ) : trends.checkedIn === 0 ? (
        <StatusNote kind="empty">No check-ins in the last {weeks} weeks. Choose 12 weeks to look further back.</StatusNote>
      ) : (
        <>
          <p class="section-intro">
            One point per day with a check-in. A break in the line is a day without a check-in, not a zero.
          </p>
          <div class="chart-grid">
            {METRICS.map((m) => (
              <TrendChart key={m.key} metric={m} days={trends.days} values={trends[m.key]} weeks={weeks} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

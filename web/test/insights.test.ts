import { describe, expect, it } from 'vitest';
import type { Insight, StageEntry } from '../src/components/insights/data';
import { MIN_DAYS, PLOT, intervalGeometry, intervalLabel, unclearReason, unclearText, xFor } from '../src/components/insights/interval';
import {
  DEFAULT_RANGE, METRICS, RANGES, axisTop, daySeconds, daysBetween, halfAverages, rangeFor, trendSeries, trendSummary,
} from '../src/components/insights/series';
import { stageSpans } from '../src/components/insights/stages';
import type { CheckIn } from '../src/types';

function checkIn(date: string, patch: Partial<CheckIn> = {}): CheckIn {
  return {
    date, off: false, start: '09:00', end: '17:00', worked_minutes: 480, after_hours: null, break: 30, stress: 2, energy: 4,
    progress: false, setback: false, note: '', updated_at: `${date}T20:00:00Z`, ...patch,
  };
}

const metric = (key: string) => METRICS.find((m) => m.key === key)!;

describe('range selection', () => {
  it('offers 4 and 12 weeks, 12 by default, ending today', () => {
    expect(RANGES.map((r) => r.weeks)).toEqual([4, 12]);
    expect(DEFAULT_RANGE).toBe(12);
    expect(rangeFor('2026-11-25', 4)).toEqual({ from: '2026-10-29', to: '2026-11-25' });
    expect(rangeFor('2026-11-25', 12)).toEqual({ from: '2026-09-03', to: '2026-11-25' });
    expect(daysBetween(rangeFor('2026-11-25', 12).from, '2026-11-25')).toHaveLength(84);
    expect(daysBetween(rangeFor('2026-11-25', 4).from, '2026-11-25')).toHaveLength(28);
  });

  it('counts days across month, year and DST changes by the calendar', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysBetween('2026-12-31', '2027-01-01')).toEqual(['2026-12-31', '2027-01-01']);
    expect(daysBetween('2026-10-24', '2026-10-26')).toHaveLength(3);
    expect(daysBetween('2026-10-26', '2026-10-24')).toEqual([]);
    expect(daySeconds('2026-10-26') - daySeconds('2026-10-25')).toBe(86_400);
  });
});

describe('series with gaps', () => {
  const list = [
    checkIn('2026-11-02', { stress: 3, energy: 2, worked_minutes: 540, after_hours: 45 }),
    checkIn('2026-11-04', { off: true, start: null, end: null, worked_minutes: 0, stress: 1, energy: 5 }),
    checkIn('2026-11-05', { after_hours: null, worked_minutes: 450 }),
    checkIn('2026-10-30'), // outside the range: ignored
  ];
  const t = trendSeries(list, '2026-11-01', '2026-11-05');

  it('has one slot per day, null where there is no check-in (never 0)', () => {
    expect(t.days).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
    expect(t.stress).toEqual([null, 3, null, 1, 2]);
    expect(t.energy).toEqual([null, 2, null, 5, 4]);
    expect(t.checkedIn).toBe(3);
  });

  it('counts a day off as 0 hours and unrecorded after-hours as none on checked-in days', () => {
    expect(t.hours).toEqual([null, 9, null, 0, 7.5]);
    expect(t.afterHours).toEqual([null, 45, null, 0, 0]);
  });

  it('is all gaps with no check-ins', () => {
    const empty = trendSeries([], '2026-11-01', '2026-11-28');
    expect(empty.days).toHaveLength(28);
    expect(empty.stress.every((v) => v === null)).toBe(true);
    expect(empty.checkedIn).toBe(0);
  });
});

describe('summaries', () => {
  it('averages each half over the days that have values', () => {
    expect(halfAverages([1, null, 3, 5, null, null])).toEqual({ first: { mean: 2, count: 2 }, second: { mean: 5, count: 1 } });
    expect(halfAverages([null, null, 4, 4])).toEqual({ first: { mean: null, count: 0 }, second: { mean: 4, count: 2 } });
  });

  it('says the first and last half in words, with how many days have data', () => {
    const text = trendSummary(metric('stress'), [1, 3, null, 2, 2, null, null, 4], 4);
    expect(text).toBe('Average stress: 2.0 in the first 2 weeks, 3.0 in the last 2 weeks (1 = calm, 5 = very stressed). 5 of 8 days have a check-in.');
    expect(trendSummary(metric('hours'), [null, null, 8, 7], 12)).toContain('no check-ins in the first 6 weeks, 7.5 h in the last 6 weeks');
    expect(trendSummary(metric('energy'), [null, null], 4)).toMatch(/^No check-ins/);
  });

  it('stretches the axis of hours and minutes to fit, never the 1-5 ratings', () => {
    expect(axisTop(metric('stress'), [5, 1])).toBe(5);
    expect(axisTop(metric('hours'), [7, null])).toBe(10);
    expect(axisTop(metric('hours'), [11.2])).toBe(12);
    expect(axisTop(metric('afterHours'), [95, null])).toBe(120);
  });
});

describe('interval plot geometry', () => {
  it('maps -1, 0 and 1 across the drawing box inside its padding', () => {
    expect(xFor(-1)).toBe(PLOT.pad);
    expect(xFor(1)).toBe(PLOT.width - PLOT.pad);
    expect(xFor(0)).toBe(PLOT.width / 2);
    expect(xFor(0.5, 100, 0)).toBe(75);
    expect(xFor(7, 100, 0)).toBe(100);
    expect(xFor(-3, 100, 0)).toBe(0);
  });

  it('places the interval and rho, low end first, and nothing without an interval', () => {
    const g = intervalGeometry({ rho: -0.5, ci_low: -0.8, ci_high: -0.2 }, 100, 0);
    expect(g).toMatchObject({ minusOne: 0, zero: 50, plusOne: 100, high: 40, rho: 25 });
    expect(g.low).toBeCloseTo(10);
    const swapped = intervalGeometry({ rho: 0.1, ci_low: 0.4, ci_high: -0.2 }, 100, 0);
    expect(swapped.low).toBeCloseTo(40);
    expect(swapped.high).toBeCloseTo(70);
    expect(intervalGeometry({ rho: null, ci_low: null, ci_high: null }, 100, 0)).toMatchObject({ low: null, high: null, rho: null });
  });
});

describe('no clear pattern yet', () => {
  const base: Insight = {
    id: 'x', question: 'Q?', rho: 0.6, ci_low: 0.4, ci_high: 0.8, n: 40, clear: true, sentence: 's',
  };

  it('has no reason for a clear pattern', () => {
    expect(unclearReason(base)).toBeNull();
    expect(unclearText(base)).toBeNull();
  });

  it('says too few days when n is under 14 or there is no interval', () => {
    expect(MIN_DAYS).toBe(14);
    expect(unclearReason({ ...base, clear: false, n: 13 })).toBe('few-days');
    expect(unclearReason({ ...base, clear: false, n: 0, rho: null, ci_low: null, ci_high: null })).toBe('few-days');
    expect(unclearText({ ...base, clear: false, n: 9 })).toMatch(/9 days.*at least 14/);
    expect(unclearText({ ...base, clear: false, n: 1 })).toMatch(/1 day with/);
  });

  it('says the interval crosses zero when it does', () => {
    const crossing = { ...base, clear: false, rho: 0.104, ci_low: -0.171, ci_high: 0.384, n: 63 };
    expect(unclearReason(crossing)).toBe('crosses-zero');
    expect(unclearText(crossing)).toMatch(/−0\.17 to 0\.38\) includes 0/);
    expect(unclearReason({ ...crossing, ci_low: 0 })).toBe('crosses-zero');
    expect(unclearReason({ ...crossing, ci_low: 0.1 })).toBe('unclear');
  });

  it('names the picture in words', () => {
    expect(intervalLabel(base)).toMatch(/0\.40 to 0\.80, rho 0\.60; it is entirely above 0/);
    expect(intervalLabel({ ...base, rho: -0.69, ci_low: -0.815, ci_high: -0.506 })).toMatch(/entirely below 0/);
    expect(intervalLabel({ ...base, ci_low: -0.1 })).toMatch(/includes 0/);
    expect(intervalLabel({ ...base, ci_low: null, ci_high: null })).toMatch(/no interval yet/);
  });
});

describe('stage timeline', () => {
  const entry = (id: number, date: string, stage: StageEntry['stage'], reason: StageEntry['reason'] = 'answered'): StageEntry =>
    ({ id, date, stage, reason, answer: null, note: '' });

  it('orders entries, runs each to the next and the last to today, and marks recycling', () => {
    const spans = stageSpans([
      entry(3, '2026-08-19', 'action'),
      entry(1, '2026-07-29', 'contemplation'),
      entry(4, '2026-10-04', 'preparation', 'recycled'),
    ], '2026-10-14');
    expect(spans.map((s) => [s.from, s.to, s.days, s.recycled])).toEqual([
      ['2026-07-29', '2026-08-19', 21, false],
      ['2026-08-19', '2026-10-04', 46, false],
      ['2026-10-04', '2026-10-14', 10, true],
    ]);
    expect(spans.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1);
  });

  it('keeps same-day entries in id order with a sliver each', () => {
    const spans = stageSpans([entry(2, '2026-08-01', 'action'), entry(1, '2026-08-01', 'preparation')], '2026-08-01');
    expect(spans.map((s) => s.entry.id)).toEqual([1, 2]);
    expect(spans.every((s) => s.share > 0)).toBe(true);
    expect(stageSpans([], '2026-08-01')).toEqual([]);
  });
});

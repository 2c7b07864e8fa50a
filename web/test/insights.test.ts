import { describe, expect, it } from 'vitest';
import type { Insight, StageEntry } from '../src/components/insights/data';
import { MIN_DAYS, PLOT, intervalGeometry, intervalLabel, unclearReason, unclearText, xFor } from '../src/components/insights/interval';
import {
  DEFAULT_RANGE, METRICS, RANGES, axisTop, daySeconds, daysBetween, halfAverages, rangeFor, trendSeries, trendSummary,
} from '../src/components/insights/series';
import { stageSpans } from '../src/components/insights/stages';
import {
  DEFAULT_HEAT, HEAT_METRICS, SIGNAL_METRICS, buildPatternHeatmap, dayDetail, heatMetric, heatmapSummary, isCovered, minutesText,
  moveInWeeks, patternLabel, shadeFor, shadeLegend, shortValue, signalSeries,
} from '../src/components/insights/work-pattern';
import type { CheckIn, DailySignals } from '../src/types';

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

  it('shows a check-in without recorded times as a gap in hours, not 0, but keeps its mood', () => {
    const moods = checkIn('2026-11-03', { start: null, end: null, worked_minutes: 0, break: null, stress: 4, energy: 2 });
    const u = trendSeries([...list, moods], '2026-11-01', '2026-11-05');
    expect(u.hours).toEqual([null, 9, null, 0, 7.5]);
    expect(u.afterHours).toEqual([null, 45, null, 0, 0]);
    expect(u.stress).toEqual([null, 3, 4, 1, 2]);
    expect(u.energy).toEqual([null, 2, 2, 5, 4]);
    expect(u.checkedIn).toBe(4);
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

// --- the work pattern from imported evidence ----------------------------------------------------------


function signal(date: string, patch: Partial<DailySignals> = {}): DailySignals {
  return {
    date, work_minutes: 0, after_hours_minutes: 0, weekend_minutes: 0, meeting_minutes: 0, after_hours_meeting_minutes: 0,
    longest_focus_minutes: 0, first_activity: null, last_activity: null, has_calendar: true, has_activity: false, ...patch,
  };
}
const heat = (key: string) => HEAT_METRICS.find((m) => m.key === key)!;

describe('work pattern series', () => {
  // Tue 3 Nov covered with work, Wed covered with nothing, Thu not covered (all zeros, as the API
  // answers), Fri covered by activity only, Sat missing from the answer altogether.
  const signals = [
    signal('2026-11-03', { work_minutes: 150, after_hours_minutes: 45, meeting_minutes: 90, longest_focus_minutes: 120 }),
    signal('2026-11-04'),
    signal('2026-11-05', { has_calendar: false }),
    signal('2026-11-06', { has_calendar: false, has_activity: true, work_minutes: 60, longest_focus_minutes: 0 }),
  ];

  it('tells covered days from days nothing covers', () => {
    expect(isCovered(signals[0])).toBe(true);
    expect(isCovered(signals[1])).toBe(true);
    expect(isCovered(signals[2])).toBe(false);
    expect(isCovered(signals[3])).toBe(true);
    expect(isCovered(undefined)).toBe(false);
  });

  it('has one slot per day; uncovered days are gaps (null), covered empty days are 0', () => {
    const s = signalSeries(signals, '2026-11-03', '2026-11-07');
    expect(s.days).toEqual(['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07']);
    expect(s.workHours).toEqual([2.5, 0, null, 1, null]);
    expect(s.afterHoursMinutes).toEqual([45, 0, null, 0, null]);
    expect(s.meetingHours).toEqual([1.5, 0, null, 0, null]);
    // The focus block needs a calendar: the activity-only Friday is a gap, not a 0.
    expect(s.focusHours).toEqual([2, 0, null, null, null]);
    expect(s.covered).toBe(3);
  });

  it('charts four metrics whose axes stretch to fit', () => {
    expect(SIGNAL_METRICS.map((m) => m.key)).toEqual(['workHours', 'afterHoursMinutes', 'meetingHours', 'focusHours']);
    const work = SIGNAL_METRICS[0]!;
    expect(axisTop(work, [2, null, 11.2])).toBe(12);
    expect(axisTop(work, [1, null])).toBe(8);
    expect(axisTop(SIGNAL_METRICS[1]!, [75])).toBe(90);
    expect(trendSummary(work, [null, null], 4, {
      missing: 'No evidence', days: 'days nothing covers', have: 'have evidence', none: 'No evidence',
    })).toBe('No evidence in these 4 weeks, so no work time to show.');
    expect(trendSummary(work, [1, null, 3, 2], 4, {
      missing: 'No evidence', days: 'days nothing covers', have: 'have evidence', none: 'No evidence',
    })).toBe('Average work time: 1.0 h in the first 2 weeks, 2.5 h in the last 2 weeks (hours of meetings and tracked activity each day). 3 of 4 days have evidence.');
  });
});

describe('work pattern heatmap', () => {
  it('shades by fixed steps per metric; 0 only for none', () => {
    const after = heat('afterHours');
    expect([0, 1, 29, 30, 59, 60, 119, 120, 600].map((m) => shadeFor(m, after.steps))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect([0, 239, 240, 480, 600].map((m) => shadeFor(m, heat('work').steps))).toEqual([0, 1, 2, 3, 4]);
    expect(shadeFor(-5, after.steps)).toBe(0);
    expect(shadeLegend(after).map((l) => l.text)).toEqual(['None', 'Under 30 min', '30 min to 1 h', '1 h to 2 h', '2 h or more']);
    expect(shadeLegend(heat('meetings')).map((l) => l.shade)).toEqual([0, 1, 2, 3, 4]);
  });

  it('defaults to after-hours time and falls back to it for an unknown choice', () => {
    expect(DEFAULT_HEAT).toBe('afterHours');
    expect(heatMetric('work').key).toBe('work');
    expect(heatMetric('nonsense').key).toBe('afterHours');
  });

  it('names each day with its value, or "no evidence"', () => {
    expect(patternLabel('2026-11-03', 45, heat('afterHours'))).toBe('Tue 3 Nov: 45 min after hours');
    expect(patternLabel('2026-11-03', 0, heat('afterHours'))).toBe('Tue 3 Nov: 0 min after hours');
    expect(patternLabel('2026-11-03', 450, heat('work'))).toBe('Tue 3 Nov: 7 h 30 min worked');
    expect(patternLabel('2026-11-03', 120, heat('meetings'))).toBe('Tue 3 Nov: 2 h in meetings');
    expect(patternLabel('2026-11-03', null, heat('meetings'))).toBe('Tue 3 Nov: no evidence');
    expect(minutesText(61)).toBe('1 h 1 min');
    expect([null, 0, 45, 60, 135, 600].map(shortValue)).toEqual(['?', '0', '45m', '1h', '2.3h', '10h']);
  });

  it('lays whole weeks out as rows from Monday; days outside the range are empty, uncovered ones unknown', () => {
    const signals = [
      signal('2026-11-03', { after_hours_minutes: 45 }),
      signal('2026-11-04'),
      signal('2026-11-05', { has_calendar: false }),
      signal('2026-11-09', { after_hours_minutes: 130 }),
    ];
    const h = buildPatternHeatmap(signals, '2026-11-03', '2026-11-10', heat('afterHours'));
    expect(h.weeks.map((w) => w.monday)).toEqual(['2026-11-02', '2026-11-09']);
    const [first, second] = h.weeks;
    expect(first!.days[0]).toBeNull();  // Mon 2 Nov is before the range
    expect(first!.days[1]).toEqual({ date: '2026-11-03', minutes: 45, shade: 2, label: 'Tue 3 Nov: 45 min after hours' });
    expect(first!.days[2]).toMatchObject({ minutes: 0, shade: 0 });
    expect(first!.days[3]).toMatchObject({ minutes: null, shade: null, label: 'Thu 5 Nov: no evidence' });
    expect(first!.days[6]).toMatchObject({ date: '2026-11-08', minutes: null });  // not in the answer at all
    expect(second!.days[0]).toMatchObject({ minutes: 130, shade: 4 });
    expect(second!.days.slice(2)).toEqual([null, null, null, null, null]);
    expect(h.known).toBe(3);
    expect(h.unknown).toBe(5);
    expect(h.total).toBe(175);
    expect(heatmapSummary(h, heat('afterHours'))).toBe('After-hours time: 2 h 55 min over 3 days with evidence. 5 days had no evidence.');
    expect(heatmapSummary(buildPatternHeatmap([], '2026-11-03', '2026-11-04', heat('work')), heat('work')))
      .toBe('No imported calendar or activity covers these days.');
    expect(buildPatternHeatmap([], '2026-11-05', '2026-11-04', heat('work')).weeks).toEqual([]);
  });

  it('moves with the arrow keys along weeks and down the rows, Home/End within the week, never out of range', () => {
    const from = '2026-11-03';
    const to = '2026-11-25';
    expect(moveInWeeks('2026-11-10', 'ArrowLeft', from, to)).toBe('2026-11-09');
    expect(moveInWeeks('2026-11-10', 'ArrowRight', from, to)).toBe('2026-11-11');
    expect(moveInWeeks('2026-11-10', 'ArrowUp', from, to)).toBe('2026-11-03');
    expect(moveInWeeks('2026-11-10', 'ArrowDown', from, to)).toBe('2026-11-17');
    expect(moveInWeeks('2026-11-03', 'ArrowUp', from, to)).toBe('2026-11-03');
    expect(moveInWeeks('2026-11-03', 'ArrowLeft', from, to)).toBe('2026-11-03');
    expect(moveInWeeks('2026-11-25', 'ArrowRight', from, to)).toBe('2026-11-25');
    expect(moveInWeeks('2026-11-20', 'ArrowDown', from, to)).toBe('2026-11-20');
    expect(moveInWeeks('2026-11-12', 'Home', from, to)).toBe('2026-11-09');
    expect(moveInWeeks('2026-11-12', 'End', from, to)).toBe('2026-11-15');
    expect(moveInWeeks('2026-11-05', 'Home', from, to)).toBe('2026-11-03');  // the range starts on a Tuesday
    expect(moveInWeeks('2026-11-24', 'End', from, to)).toBe('2026-11-25');
    expect(moveInWeeks('2026-11-12', 'Home', from, to, true)).toBe(from);
    expect(moveInWeeks('2026-11-12', 'End', from, to, true)).toBe(to);
    expect(moveInWeeks('2026-11-12', 'Enter', from, to)).toBeNull();
  });

  it('describes the selected day in full', () => {
    expect(dayDetail('2026-11-17', signal('2026-11-17', {
      work_minutes: 135, after_hours_minutes: 60, meeting_minutes: 135, after_hours_meeting_minutes: 60,
      longest_focus_minutes: 255, first_activity: '09:30', last_activity: '19:00',
    }))).toBe('Tue 17 Nov: 2 h 15 min worked, 1 h after hours, 2 h 15 min in meetings (1 h after hours), longest focus block 4 h 15 min, 09:30 to 19:00.');
    expect(dayDetail('2026-11-22', signal('2026-11-22'))).toBe('Sun 22 Nov: 0 min worked, 0 min after hours, 0 min in meetings, no focus block of an hour.');
    expect(dayDetail('2026-11-22', signal('2026-11-22', { has_calendar: false })))
      .toBe('Sun 22 Nov: no evidence. No imported calendar or activity covers this day.');
  });
});

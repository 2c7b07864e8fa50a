import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_MESSAGES, boundaryBody, emptyBoundaryForm, isBoundaryField, tidyBoundaryForm, validateBoundary, visibleFields,
} from '../src/components/boundaries/boundary-form';
import { addDays, daysBetween, mondayOf, shortDay, weekdayIndex } from '../src/components/boundaries/days';
import {
  buildHeatmap, cellLabel, heatmapRange, indexEvaluations, keptRate, keptRateSentence, moveDay,
} from '../src/components/boundaries/heatmap';
import type { Evaluation } from '../src/types';

const ev = (boundary_id: number, date: string, status: Evaluation['status'], evidence = ''): Evaluation =>
  ({ boundary_id, date, status, evidence, type: 'work-window' });

describe('days', () => {
  it('does calendar arithmetic in whole days, across month, year and DST changes', () => {
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-09-01', '2026-11-25')).toBe(85);
    expect(weekdayIndex('2026-11-23')).toBe(0);
    expect(weekdayIndex('2026-11-29')).toBe(6);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(shortDay('2026-11-03')).toBe('Tue 3 Nov');
  });
});

describe('heatmap', () => {
  it('covers twelve whole weeks from a Monday up to today', () => {
    expect(heatmapRange('2026-11-25')).toEqual({ from: '2026-09-07', to: '2026-11-25' });
    expect(heatmapRange('2026-11-23', 1)).toEqual({ from: '2026-11-23', to: '2026-11-23' });
  });

  it('builds one cell per day in range, weeks as columns and Monday to Sunday as rows', () => {
    const { from, to } = heatmapRange('2026-11-25');
    const days = indexEvaluations([
      ev(1, '2026-11-03', 'broken', 'worked until 20:10'),
      ev(1, '2026-11-04', 'kept', 'finished at 17:30'),
      ev(1, '2026-11-05', 'unknown', 'no check-in or tracked data'),
      ev(2, '2026-11-03', 'kept'),
    ]).get(1);
    const map = buildHeatmap(from, to, days);
    expect(map.weeks).toHaveLength(12);
    expect(map.weeks.every((w) => w.days.length === 7)).toBe(true);
    const cells = map.weeks.flatMap((w) => w.days).filter((c) => c !== null);
    expect(cells).toHaveLength(daysBetween(from, to) + 1);  // 80 days
    // The last week stops at today: Thu-Sun are outside the range.
    expect(map.weeks[11]!.days.map((c) => c?.date ?? null)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', null, null, null, null]);
    expect(map.counts).toEqual({ kept: 1, broken: 1, unknown: 1, 'not-applicable': 77 });
    const tue = map.weeks[8]!.days[1]!;
    expect(tue).toEqual({ date: '2026-11-03', status: 'broken', evidence: 'worked until 20:10', label: 'Tue 3 Nov: broken, worked until 20:10' });
    // A day with no evaluation is one the boundary does not cover.
    expect(map.weeks[8]!.days[5]!.label).toBe('Sat 7 Nov: does not apply');
  });

  it('labels a column with its month only when the month changes', () => {
    const map = buildHeatmap('2026-09-07', '2026-11-25', undefined);
    expect(map.weeks.map((w) => w.month)).toEqual(['Sep', '', '', '', 'Oct', '', '', '', 'Nov', '', '', '']);
  });

  it('builds a range that starts mid-week with blanks before it, and nothing for a reversed range', () => {
    const map = buildHeatmap('2026-11-25', '2026-11-26', undefined);
    expect(map.weeks).toHaveLength(1);
    expect(map.weeks[0]!.days.filter(Boolean)).toHaveLength(2);
    expect(buildHeatmap('2026-11-26', '2026-11-25', undefined).weeks).toEqual([]);
  });

  it('names a cell with its day, status and evidence', () => {
    expect(cellLabel('2026-11-03', 'kept', 'finished at 17:30')).toBe('Tue 3 Nov: kept, finished at 17:30');
    expect(cellLabel('2026-11-03', 'unknown', '')).toBe('Tue 3 Nov: no evidence');
  });
});

describe('kept rate', () => {
  it('is kept over kept plus broken; unknown never counts as kept', () => {
    const r = keptRate({ kept: 3, broken: 1, unknown: 10, 'not-applicable': 4 });
    expect(r.rate).toBe(0.75);
    expect(keptRateSentence(r)).toBe('Kept on 3 of 4 days with evidence. 10 days had no evidence.');
  });

  it('is honest when there is no evidence at all', () => {
    const r = keptRate({ kept: 0, broken: 0, unknown: 1, 'not-applicable': 0 });
    expect(r.rate).toBeNull();
    expect(keptRateSentence(r)).toBe('No day with evidence yet, so there is no kept rate. 1 day had no evidence.');
    expect(keptRateSentence(keptRate({ kept: 1, broken: 0, unknown: 0, 'not-applicable': 0 }))).toBe('Kept on 1 of 1 day with evidence.');
  });
});

describe('grid keys', () => {
  const from = '2026-09-07';
  const to = '2026-11-25';
  it('moves a day down and up, a week left and right, and stays inside the range', () => {
    expect(moveDay('2026-11-03', 'ArrowDown', from, to)).toBe('2026-11-04');
    expect(moveDay('2026-11-03', 'ArrowUp', from, to)).toBe('2026-11-02');
    expect(moveDay('2026-11-03', 'ArrowRight', from, to)).toBe('2026-11-10');
    expect(moveDay('2026-11-03', 'ArrowLeft', from, to)).toBe('2026-10-27');
    expect(moveDay('2026-11-25', 'ArrowDown', from, to)).toBe('2026-11-25');
    expect(moveDay('2026-11-20', 'ArrowRight', from, to)).toBe('2026-11-20');
    expect(moveDay('2026-09-07', 'ArrowUp', from, to)).toBe('2026-09-07');
    expect(moveDay('2026-11-03', 'x', from, to)).toBeNull();
  });

  it('goes along the row with Home and End, and to the ends with Ctrl', () => {
    expect(moveDay('2026-11-03', 'Home', from, to)).toBe('2026-09-08');
    expect(moveDay('2026-11-03', 'End', from, to)).toBe('2026-11-24');
    expect(moveDay('2026-11-06', 'End', from, to)).toBe('2026-11-20');
    expect(moveDay('2026-11-03', 'Home', from, to, true)).toBe(from);
    expect(moveDay('2026-11-03', 'End', from, to, true)).toBe(to);
  });
});

describe('add-a-boundary form', () => {
  it('shows only the fields a type takes', () => {
    expect(visibleFields('work-window')).toEqual(['type', 'days', 'from', 'to', 'label']);
    expect(visibleFields('no-weekend-work')).toEqual(['type', 'label']);
    expect(visibleFields('weekly-hours-cap')).toEqual(['type', 'hours', 'label']);
    expect(visibleFields('min-break')).toEqual(['type', 'minutes', 'label']);
    expect(visibleFields('no-messages-after')).toEqual(['type', 'time', 'label']);
    expect(isBoundaryField('minutes')).toBe(true);
    expect(isBoundaryField('password')).toBe(false);
  });

  it('checks what the type needs', () => {
    const f = emptyBoundaryForm();
    expect(Object.keys(validateBoundary(f)).sort()).toEqual(['days', 'from', 'to']);
    expect(validateBoundary({ ...f, days: 'Mon-Fri', from: '9', to: '17:30' })).toEqual({});
    expect(validateBoundary({ ...f, days: 'Mon-Fri', from: '18:00', to: '09:00' }).to).toMatch(/later/);
    expect(validateBoundary({ ...f, days: 'Mon-Fri', from: '25:00', to: '09:00' }).from).toMatch(/HH:MM/);
    const cap = { ...f, type: 'weekly-hours-cap' as const };
    expect(validateBoundary({ ...cap, hours: '37.5' })).toEqual({});
    expect(validateBoundary({ ...cap, hours: '200' }).hours).toMatch(/1 to 168/);
    expect(validateBoundary({ ...cap, hours: 'lots' }).hours).toMatch(/number/);
    const brk = { ...f, type: 'min-break' as const };
    expect(validateBoundary({ ...brk, minutes: '2.5' }).minutes).toMatch(/whole/);
    expect(validateBoundary({ ...brk, minutes: '0' }).minutes).toMatch(/1 to 480/);
    expect(validateBoundary({ ...f, type: 'no-weekend-work' })).toEqual({});
    expect(validateBoundary({ ...f, type: 'no-weekend-work', label: 'x'.repeat(201) }).label).toMatch(/200/);
  });

  it('sends exactly the type and its parameters, times tidied and numbers as numbers', () => {
    const f = { ...emptyBoundaryForm(), days: ' Mon-Fri ', from: '9', to: '1730', hours: '40', time: '19:00' };
    expect(tidyBoundaryForm(f).from).toBe('09:00');
    expect(boundaryBody(f)).toEqual({ type: 'work-window', days: 'Mon-Fri', from: '09:00', to: '17:30' });
    expect(boundaryBody({ ...f, type: 'weekly-hours-cap', hours: '37.5' })).toEqual({ type: 'weekly-hours-cap', hours: 37.5 });
    expect(boundaryBody({ ...f, type: 'min-break', minutes: '30' })).toEqual({ type: 'min-break', minutes: 30 });
    expect(boundaryBody({ ...f, type: 'no-weekend-work', label: '  Weekends are ours ' })).toEqual({ type: 'no-weekend-work', label: 'Weekends are ours' });
    expect(boundaryBody({ ...f, type: 'no-messages-after' })).toEqual({ type: 'no-messages-after', time: '19:00' });
    // Days go without spaces, which the API would refuse.
    expect(boundaryBody({ ...f, days: ' Sat, Sun ' })).toMatchObject({ days: 'Sat,Sun' });
  });

  it('words its checks its own way unless a form brings its own words', () => {
    const cap = { ...emptyBoundaryForm(), type: 'weekly-hours-cap' as const, hours: '200' };
    expect(validateBoundary(cap)).toEqual({ hours: BOUNDARY_MESSAGES.hoursRange });
    expect(validateBoundary(cap, { ...BOUNDARY_MESSAGES, hoursRange: 'Too many.' })).toEqual({ hours: 'Too many.' });
  });
});

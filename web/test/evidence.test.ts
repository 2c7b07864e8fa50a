// The evidence page's pure logic: source names, hours as h:mm, the four-week table and chart series.
import { describe, expect, it } from 'vitest';
import {
  type Signal, chartTop, formatHours, kindFromFile, signalRange, signalSeries, signalWeeks, sourceNameFromFile,
} from '../src/components/evidence/logic';

const signal = (date: string, work: number, after = 0): Signal => ({
  date, work_minutes: work, after_hours_minutes: after, weekend_minutes: 0, meeting_minutes: 0,
  after_hours_meeting_minutes: 0, longest_focus_minutes: 0, first_activity: null, last_activity: null,
});

describe('sourceNameFromFile', () => {
  it('drops the extension and any folder', () => {
    expect(sourceNameFromFile('Work Calendar (2).ics', 'calendar')).toBe('Work Calendar (2)');
    expect(sourceNameFromFile('C:\\exports\\aw-buckets.json', 'activitywatch')).toBe('aw-buckets');
    expect(sourceNameFromFile('/home/sam/timew.json', 'timewarrior')).toBe('timew');
  });
  it('keeps inner dots and falls back to the kind for empty names', () => {
    expect(sourceNameFromFile('team.cal.2026.ics', 'calendar')).toBe('team.cal.2026');
    expect(sourceNameFromFile('.ics', 'calendar')).toBe('calendar');
    expect(sourceNameFromFile('', 'timewarrior')).toBe('timewarrior');
  });
  it('caps the length at 100', () => {
    expect(sourceNameFromFile('x'.repeat(150) + '.ics', 'calendar')).toHaveLength(100);
  });
});

describe('kindFromFile', () => {
  it('guesses from the name', () => {
    expect(kindFromFile('week.ICS')).toBe('calendar');
    expect(kindFromFile('timew-export.json')).toBe('timewarrior');
    expect(kindFromFile('aw-buckets-export.json')).toBe('activitywatch');
    expect(kindFromFile('export.json')).toBeNull();
  });
});

describe('formatHours', () => {
  it('shows h:mm', () => {
    expect(formatHours(0)).toBe('0:00');
    expect(formatHours(5)).toBe('0:05');
    expect(formatHours(75)).toBe('1:15');
    expect(formatHours(605)).toBe('10:05');
    expect(formatHours(1500)).toBe('25:00');
  });
  it('rounds and clamps odd values', () => {
    expect(formatHours(59.6)).toBe('1:00');
    expect(formatHours(-10)).toBe('0:00');
    expect(formatHours(Number.NaN)).toBe('0:00');
  });
});

describe('signal table', () => {
  it('covers 28 days ending today', () => {
    expect(signalRange('2026-11-26')).toEqual({ from: '2026-10-30', to: '2026-11-26' });
  });

  it('pads to whole weeks from Monday and fills days from the signals', () => {
    const { from, to } = signalRange('2026-11-26');  // Fri 30 Oct .. Thu 26 Nov
    const weeks = signalWeeks([signal('2026-11-17', 135, 60), signal('2026-11-21', 60, 60), signal('2026-10-25', 999)], from, to);
    expect(weeks.map((w) => w.monday)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(weeks.every((w) => w.days.length === 7)).toBe(true);
    const inside = weeks.flatMap((w) => w.days).filter((d) => !d.outside);
    expect(inside).toHaveLength(28);
    expect(inside[0]?.date).toBe(from);
    expect(inside[27]?.date).toBe(to);
    expect(weeks[0]?.days.slice(0, 4).every((d) => d.outside)).toBe(true);
    expect(weeks[4]?.days.slice(4).every((d) => d.outside)).toBe(true);
    const week3 = weeks[3];
    expect(week3?.days[1]).toEqual({ date: '2026-11-17', work: 135, afterHours: 60, outside: false });
    expect(week3?.work).toBe(195);
    expect(week3?.afterHours).toBe(120);
    // A signal outside the range never counts.
    expect(weeks[0]?.work).toBe(0);
  });

  it('gives the chart one point per day, zero where nothing was logged', () => {
    const s = signalSeries([signal('2026-11-17', 135, 60)], '2026-11-16', '2026-11-18');
    expect(s.x).toEqual([Date.UTC(2026, 10, 16) / 1000, Date.UTC(2026, 10, 17) / 1000, Date.UTC(2026, 10, 18) / 1000]);
    expect(s.work).toEqual([0, 135, 0]);
    expect(s.afterHours).toEqual([0, 60, 0]);
  });

  it('tops the chart at a whole hour, at least two', () => {
    expect(chartTop([])).toBe(120);
    expect(chartTop([0, 30])).toBe(120);
    expect(chartTop([135])).toBe(180);
    expect(chartTop([480])).toBe(480);
  });
});

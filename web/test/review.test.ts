import { describe, expect, it } from 'vitest';
import goldenWeek from '../../tests/data/evidence/signals-week.json';
import type { Reflection, WeeklyReport } from '../src/components/review/data';
import type { DailySignals } from '../src/types';
import {
  clockHours, compareAverage, evidenceWeek, formatMinutes, isThisWeek, recentReflections, reflectionFor, reflectionsRange, reviewWeek, shiftWeek,
  stageChangeSentence, strengthChangeText, summariseWeek, validateReflection, weekName, weekRange,
} from '../src/components/review/review';

const TODAY = '2026-11-25';  // a Wednesday

describe('week navigation', () => {
  it('starts at this week and takes any day of a week asked for', () => {
    expect(reviewWeek(TODAY, null)).toBe('2026-11-23');
    expect(reviewWeek(TODAY, '2026-10-01')).toBe('2026-09-28');
    expect(reviewWeek(TODAY, 'soon')).toBe('2026-11-23');
  });

  it('never goes beyond this week', () => {
    expect(reviewWeek(TODAY, '2026-12-30')).toBe('2026-11-23');
    expect(shiftWeek('2026-11-23', 1, TODAY)).toBe('2026-11-23');
    expect(shiftWeek('2026-11-16', 1, TODAY)).toBe('2026-11-23');
    expect(shiftWeek('2026-11-23', -1, TODAY)).toBe('2026-11-16');
    expect(shiftWeek('2026-01-05', -1, TODAY)).toBe('2025-12-29');
    expect(isThisWeek('2026-11-23', TODAY)).toBe(true);
    expect(isThisWeek('2026-11-16', TODAY)).toBe(false);
  });

  it('names the week', () => {
    expect(weekRange('2026-11-23')).toBe('23 Nov – 29 Nov 2026');
    expect(weekRange('2026-12-28')).toBe('28 Dec – 3 Jan 2027');
    expect(weekName('2026-W48')).toBe('Week 48');
    expect(weekName('2026-W01')).toBe('Week 1');
  });
});

describe('summarising a week', () => {
  const report: WeeklyReport = {
    person: 'Sam', timezone: 'Europe/Berlin', week: '2026-W40', from: '2026-09-28', to: '2026-10-04',
    checkins: 2, worked_minutes: 1367, after_hours_minutes: 74,
    avg_stress: 3.6, prev_avg_stress: 1.8, avg_energy: 1.4, prev_avg_energy: null,
    days: [
      { date: '2026-09-28', checked_in: true, setback: false },
      { date: '2026-09-29', checked_in: true, setback: true },
      { date: '2026-09-30', checked_in: false },
    ],
    boundaries: [
      { boundary_id: 1, type: 'work-window', description: 'No work outside 09:00-17:30 on Mon-Fri', days: [], kept: 0, broken: 2,
        unknown: 0, broken_evidence: ['Mon: worked until 19:20', 'Tue: worked until 19:21'], four_week_kept_rate: 0.3 },
      { boundary_id: 2, type: 'no-weekend-work', description: 'No work at the weekend', days: [], kept: 1, broken: 0,
        unknown: 0, broken_evidence: [], four_week_kept_rate: 0.4 },
    ],
    wins: [],
    progress_days: 1,
    goals: [
      { goal_id: 1, title: 'Leave on time', frequency: '5x/week', stage: 'action', done_this_week: 5, target_this_week: 5,
        habit_strength: 69.9, strength_change: 7.2, streak: 1, streak_unit: 'weeks' },
      { goal_id: 2, title: 'Walk', frequency: 'daily', stage: 'action', done_this_week: 2, target_this_week: 7,
        habit_strength: 50.9, strength_change: -2.6, streak: 0, streak_unit: 'days' },
    ],
    stage_changes: [
      { date: '2026-10-04', goal: 'Leave on time', goal_id: 1, from: 'action', to: 'preparation', reason: 'recycled' },
    ],
  };

  it('collects setback days and broken boundaries with their evidence', () => {
    const s = summariseWeek(report);
    expect(s.setbackDays).toEqual(['2026-09-29']);
    expect(s.brokenBoundaries).toEqual([
      { id: 1, description: 'No work outside 09:00-17:30 on Mon-Fri', broken: 2, evidence: ['Mon: worked until 19:20', 'Tue: worked until 19:21'] },
    ]);
    expect(s.hasData).toBe(true);
    expect(s.workedText).toBe('22 h 47 min');
    expect(s.afterHoursText).toBe('1 h 14 min');
    expect(s.stressText).toBe('3.6, higher than last week (1.8)');
    expect(s.energyText).toBe('1.4 (no check-ins the week before to compare)');
  });

  it('lines up goals with done/target and the change in strength, kindly', () => {
    const [a, b] = summariseWeek(report).goals;
    expect(a).toMatchObject({ done: 5, target: 5, met: true, changeText: 'strength up 7.2 points' });
    expect(b).toMatchObject({ done: 2, target: 7, met: false });
    expect(b!.changeText).toMatch(/^strength down 2.6 points; one quiet week never resets it$/);
    expect(strengthChangeText(null)).toBe('no change to compare yet');
    expect(strengthChangeText(0.01)).toBe('strength steady');
  });

  it('tells stage changes in plain words, recycling as part of change', () => {
    expect(summariseWeek(report).stageChanges[0]).toMatch(/^Sun 4 Oct: “Leave on time” went back to preparation to regroup\./);
    expect(stageChangeSentence({ date: '2026-07-29', goal: 'Walk', goal_id: 3, from: null, to: 'action', reason: 'answered' }))
      .toBe('Wed 29 Jul: “Walk” started in action.');
    expect(stageChangeSentence({ date: '2026-10-15', goal: 'Walk', goal_id: 3, from: 'preparation', to: 'action', reason: 'answered' }))
      .toBe('Thu 15 Oct: “Walk” moved from preparation to action.');
  });

  it('knows an empty week', () => {
    const empty = summariseWeek({ person: 'Sam', timezone: 'UTC', week: '2026-W30', from: '2026-07-20', to: '2026-07-26' });
    expect(empty.hasData).toBe(false);
    expect(empty.checkins).toBe(0);
    expect(empty.goals).toEqual([]);
    expect(empty.stressText).toBe('no check-ins this week');
  });

  it('formats minutes and compares averages', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(compareAverage(2.0, 2.04)).toBe('2.0, about the same as last week (2.0)');
    expect(compareAverage(1.3, 1.6)).toBe('1.3, lower than last week (1.6)');
  });
});

describe('values reflections', () => {
  const r = (week: string, values: number): Reflection => ({ week, values, note: '', updated_at: '2026-11-22T19:00:00Z' });
  it('finds the week’s answer and lists the recent ones oldest first', () => {
    const list = [r('2026-11-16', 7), r('2026-11-02', 6), r('2026-11-09', 8)];
    expect(reflectionFor(list, '2026-11-09')?.values).toBe(8);
    expect(reflectionFor(list, '2026-11-23')).toBeNull();
    expect(recentReflections(list).map((x) => x.week)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(recentReflections(list, 2).map((x) => x.week)).toEqual(['2026-11-09', '2026-11-16']);
  });

  it('asks for the twelve weeks that end with the shown week, not past today', () => {
    expect(reflectionsRange('2026-11-23', TODAY)).toEqual({ from: '2026-09-07', to: TODAY });
    expect(reflectionsRange('2026-09-28', TODAY)).toEqual({ from: '2026-07-13', to: '2026-10-04' });
  });

  it('takes a whole number from 0 to 10 and a note of at most 2000 bytes', () => {
    expect(validateReflection(null, '').values).toBeDefined();
    expect(validateReflection(0, '')).toEqual({});
    expect(validateReflection(10, 'fine')).toEqual({});
    expect(validateReflection(11, '').values).toBeDefined();
    expect(validateReflection(5, 'é'.repeat(1001)).note).toMatch(/2000/);
  });
});

describe('what the calendar and tracker show', () => {
  // The hand-made week of tests/data/evidence (its signals worked out by hand), as the report
  // answers it: covered by the calendar, with the report's own sums.
  const golden: DailySignals[] = goldenWeek;
  const signals = golden.map((d) => ({ ...d, has_calendar: true, has_activity: false }));
  const base: WeeklyReport = { person: 'Alex', timezone: 'Europe/Berlin', week: '2026-W47', from: '2026-11-16', to: '2026-11-22' };

  it('is hidden when the report has no signals', () => {
    expect(evidenceWeek(base)).toBeNull();
    expect(evidenceWeek({ ...base, signals: [], evidence: null })).toBeNull();
  });

  it('sums the covered days of the week and keeps a row per day', () => {
    const week = evidenceWeek({
      ...base, signals,
      evidence: { work_minutes: 255, after_hours_minutes: 120, meeting_minutes: 255, after_hours_meeting_minutes: 120, longest_focus_minutes: 465, days_past_end: 1 },
    })!;
    expect(week.coveredDays).toBe(7);
    expect([week.work, week.afterHours, week.meetings, week.afterHoursMeetings, week.longestFocus]).toEqual([255, 120, 255, 120, 465]);
    expect(week.daysPastEnd).toBe(1);
    expect(week.days.map((d) => d.date)).toEqual(golden.map((d) => d.date));
    expect(week.days[1]).toEqual({ date: '2026-11-17', known: true, work: 135, afterHours: 60, meetings: 135, focus: 255 });
    expect(formatMinutes(week.work)).toBe('4 h 15 min');
  });

  it('leaves out days nothing covers, and has no focus figure without a calendar', () => {
    const partly = signals.map((d, i) => (i === 1 ? { ...d, has_calendar: false } : i === 2 ? { ...d, has_calendar: false, has_activity: true } : d));
    const week = evidenceWeek({ ...base, signals: partly })!;
    expect(week.coveredDays).toBe(6);
    expect(week.work).toBe(255 - 135);
    expect(week.days[1]).toMatchObject({ known: false, work: 0, focus: null });
    expect(week.days[2]).toMatchObject({ known: true, focus: null });
    expect(week.daysPastEnd).toBeNull();  // the report did not say
  });

  it('counts a week with evidence as a week with data', () => {
    expect(summariseWeek({ ...base, signals }).hasData).toBe(true);
    expect(summariseWeek(base).hasData).toBe(false);
  });

  it('writes hours as h:mm', () => {
    expect([0, 5, 60, 135, 605, -3].map(clockHours)).toEqual(['0:00', '0:05', '1:00', '2:15', '10:05', '0:00']);
  });
});
